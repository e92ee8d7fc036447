package dev.quiver.kubernetes.model;

import dev.quiver.kubernetes.resource.FunctionRollout;
import dev.quiver.kubernetes.resource.FunctionStatus;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.scaler.traffic.Rollout;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A gradual rollout ({@code spec.rolloutDuration}) on Kubernetes: when a new latest revision appears, the share the
 * spec gives it is reached in steps by the shared {@link Rollout} decision, from the traffic applied before. Pure: what
 * the status last said, the latest revision, the spec's resolved traffic, the duration and the time in; the traffic
 * to apply and the rollout to record in the status out. The rollout start is in the status, so a restarted
 * controller resumes it.
 */
public final class RevisionRollout {
    private RevisionRollout() {}

    /**
     * What the Function's status said before.
     *
     * @param latest  its latest revision (null: none yet)
     * @param applied its traffic as applied (null or empty: none yet)
     * @param rollout its rollout in progress (null: none)
     */
    public record Before(String latest, List<FunctionTraffic> applied, FunctionRollout rollout) {
        public static final Before NONE = new Before(null, null, null);

        public static Before of(FunctionStatus s) {
            return s == null ? NONE : new Before(s.getLatestRevision(), s.getTraffic(), s.getRollout());
        }
    }

    /**
     * @param traffic the traffic to apply now
     * @param rollout the rollout to record, null when none is in progress (then {@code traffic} is the spec's)
     */
    public record Step(List<FunctionTraffic> traffic, FunctionRollout rollout) {
        public boolean rolling() {
            return rollout != null;
        }
    }

    /**
     * @param latest the latest revision now
     * @param target the spec's traffic, resolved against the revisions
     */
    public static Step next(
            Before before, String latest, List<FunctionTraffic> target, Duration duration, Instant now) {
        FunctionRollout r = null;
        if (!duration.isZero()) {
            if (before.rollout() != null && latest.equals(before.rollout().getRevisionName())) {
                r = before.rollout();
            } else if (before.latest() != null
                    && !latest.equals(before.latest())
                    && before.applied() != null
                    && !before.applied().isEmpty()) {
                r = FunctionRollout.of(latest, now.toString(), List.copyOf(before.applied()));
            }
        }
        if (r == null) {
            return new Step(target, null);
        }
        Instant start = Instant.parse(r.getStartedAt());
        if (!now.isBefore(start.plus(duration))) {
            return new Step(target, null);
        }
        List<TrafficTarget> to = targets(target);
        List<TrafficTarget> split = Rollout.at(targets(r.getFrom()), to, latest, start, duration, now);
        if (split.equals(to)) {
            return new Step(target, null); // nothing to move (no share for the latest, or nothing before it)
        }
        return new Step(
                split.stream()
                        .map(t -> FunctionTraffic.of(t.revision(), t.percent(), t.tag()))
                        .toList(),
                r);
    }

    private static List<TrafficTarget> targets(List<FunctionTraffic> traffic) {
        return traffic == null
                ? List.of()
                : traffic.stream()
                        .filter(t -> t.getRevisionName() != null)
                        .map(t -> new TrafficTarget(
                                t.getRevisionName(), t.getPercent() == null ? 0 : t.getPercent(), t.getTag()))
                        .toList();
    }
}
