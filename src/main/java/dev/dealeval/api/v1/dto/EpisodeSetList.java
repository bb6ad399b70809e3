package dev.dealeval.api.v1.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of episode sets: the built-in one first, then user-defined ones, each in id order.")
public record EpisodeSetList(List<EpisodeSetSummary> items, int page, int size, long total, long totalPages) {}
