package dev.dealeval.api.v1.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of imported domains, in id order.")
public record DomainList(List<DomainResponse> items, int page, int size, long total, long totalPages) {}
