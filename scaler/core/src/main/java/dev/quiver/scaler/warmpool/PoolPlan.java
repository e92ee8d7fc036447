package dev.quiver.scaler.warmpool;

import java.util.List;

/** The instance actions of one tick, with why. */
public record PoolPlan(List<PoolAction> actions, List<String> reasons) {}
