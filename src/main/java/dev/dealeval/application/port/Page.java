package dev.dealeval.application.port;

import java.util.List;

/** One page of a listing in a stable order. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
