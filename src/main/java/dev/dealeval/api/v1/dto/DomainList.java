package dev.dealeval.api.v1.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A page of imported domains, in id order.")
public record DomainList(List<DomainResponse> items, int page, int size, long total, long totalPages) {
}
