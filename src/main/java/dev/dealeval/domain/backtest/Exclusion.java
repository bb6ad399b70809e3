package dev.dealeval.domain.backtest;

/** An episode considered for the backtest and left out, with the reason. */
public record Exclusion(String id, String date, String title, String reason) {}
