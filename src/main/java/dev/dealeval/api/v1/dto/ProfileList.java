package dev.dealeval.api.v1.dto;

import java.util.List;

public record ProfileList(List<ProfileResponse> items, int total) {
}
