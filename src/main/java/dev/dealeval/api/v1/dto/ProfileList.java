package dev.dealeval.api.v1.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of profiles: built-in ones first, then user-defined ones, each in id order.")
public record ProfileList(List<ProfileResponse> items, int page, int size, long total, long totalPages) {}
