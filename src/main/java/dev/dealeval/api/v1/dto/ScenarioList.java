package dev.dealeval.api.v1.dto;

import java.util.List;

public record ScenarioList(List<ScenarioResponse> items, int total) {
}
