package dev.quiver.local.loop;

import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.api.traffic.TrafficRules;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.revision.ContentDigest;
import dev.quiver.local.registry.revision.Revision;
import dev.quiver.local.registry.revision.RevisionConfig;
import dev.quiver.local.registry.revision.RevisionGc;
import dev.quiver.local.registry.revision.RevisionKey;
import dev.quiver.local.registry.revision.RevisionStore;
import dev.quiver.local.registry.revision.TrafficState;
import dev.quiver.scaler.spec.Violation;
import dev.quiver.scaler.traffic.Rollout;
import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A function's revisions on the local backend: a deploy whose code (by content) or configuration changed makes a new
 * revision with its own copy of the code; the traffic (spec or {@code quiver traffic}, resolved, stepped by a
 * rollout) decides which revisions serve. Each serving revision is a loop function of its own (its own instances,
 * warm pool and scaling); the others are stopped (scaled to zero) and, past the newest {@code keep}, deleted. The
 * split is published for the activator after the serving revisions are in the loop. Called under the
 * {@link ControlLoop}'s lock.
 */
public final class Revisions {
    private static final Logger LOG = Logger.getLogger(Revisions.class);

    private final RevisionStore store;
    private final PublishedEndpoints endpoints;
    private final Clock clock;
    private final int keep;
    private final Predicate<FunctionDefinition> deployRevision;
    private final Consumer<String> stopRevision;
    private final Map<String, List<TrafficTarget>> applied = new ConcurrentHashMap<>();

    Revisions(
            RevisionStore store,
            PublishedEndpoints endpoints,
            Clock clock,
            int keep,
            Predicate<FunctionDefinition> deployRevision,
            Consumer<String> stopRevision) {
        this.store = store;
        this.endpoints = endpoints;
        this.clock = clock;
        this.keep = keep;
        this.deployRevision = deployRevision;
        this.stopRevision = stopRevision;
    }

    public RevisionStore store() {
        return store;
    }

    /** The split applied now (resolved), empty before the first deploy. */
    public List<TrafficTarget> traffic(String function) {
        return applied.getOrDefault(function, List.of());
    }

    /** The revision that takes the largest share now (the newest on a tie). */
    public Optional<String> primary(String function) {
        Map<String, Integer> shares = TrafficSplit.shares(traffic(function));
        return shares.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** The traffic's problems against the revisions the function would have after deploying {@code f}. */
    List<String> check(FunctionDefinition f) {
        TrafficState wanted = RevisionConfig.traffic(f.source());
        List<Revision> revs = store.revisions(f.name());
        Set<String> names = names(revs);
        String latest = revs.isEmpty() ? null : revs.get(revs.size() - 1).name();
        if (needsRevision(f, revs)) {
            latest = Revision.name(
                    f.name(), revs.isEmpty() ? 1 : revs.get(revs.size() - 1).number() + 1);
            names.add(latest);
        }
        return problems(wanted.traffic(), latest, names);
    }

    void deploy(FunctionDefinition f) {
        List<Revision> revs = store.revisions(f.name());
        TrafficState wanted = RevisionConfig.traffic(f.source());
        TrafficState state = wanted;
        if (needsRevision(f, revs)) {
            Revision r = store.create(
                    f.name(), f.artifact(), ContentDigest.of(f.artifact()), RevisionKey.config(f), f.source(), now());
            LOG.infof("%s: new revision %s (code %s)", f.name(), r.name(), r.shortDigest());
            List<TrafficTarget> before = applied.getOrDefault(f.name(), List.of());
            if (wanted.rolloutMillis() > 0 && !before.isEmpty()) {
                state = new TrafficState(
                        wanted.traffic(), wanted.rolloutMillis(), before, r.name(), now().toEpochMilli());
            }
        } else {
            TrafficState old = store.traffic(f.name()).orElse(wanted);
            if (old.rolloutLatest() != null) {
                state = new TrafficState(
                        wanted.traffic(),
                        wanted.rolloutMillis(),
                        old.rolloutFrom(),
                        old.rolloutLatest(),
                        old.rolloutStartedAt());
            }
        }
        store.saveTraffic(f.name(), state);
        apply(f);
    }

    /** Sets the function's traffic now (no rollout): the one-command rollback. @return the problems, if any */
    List<String> setTraffic(FunctionDefinition f, List<TrafficEntry> traffic) {
        List<Revision> revs = store.revisions(f.name());
        List<String> problems = problems(traffic, revs.get(revs.size() - 1).name(), names(revs));
        if (!problems.isEmpty()) {
            return problems;
        }
        store.saveTraffic(f.name(), TrafficState.of(traffic, 0));
        apply(f);
        return List.of();
    }

    /** A rollout step when one is in progress; ends it once over. */
    void advance(FunctionDefinition f) {
        Optional<TrafficState> st = store.traffic(f.name());
        if (st.isEmpty() || st.get().rolloutLatest() == null) {
            return;
        }
        TrafficState s = st.get();
        if (!now().isBefore(Instant.ofEpochMilli(s.rolloutStartedAt()).plusMillis(s.rolloutMillis()))) {
            store.saveTraffic(f.name(), TrafficState.of(s.traffic(), s.rolloutMillis()));
        }
        apply(f);
    }

    void delete(String function) {
        endpoints.removeTraffic(FunctionRef.local(function));
        applied.remove(function);
        store.deleteAll(function);
    }

    private void apply(FunctionDefinition f) {
        List<Revision> revs = store.revisions(f.name());
        Revision latest = revs.get(revs.size() - 1);
        TrafficState st = store.traffic(f.name()).orElse(TrafficState.of(TrafficRules.DEFAULT, 0));
        List<Violation> errors = new ArrayList<>();
        List<TrafficTarget> target = TrafficRules.resolve(st.traffic(), latest.name(), names(revs), errors);
        if (!errors.isEmpty()) {
            LOG.errorf(
                    "%s: traffic %s no longer resolves (%s); sending all to %s",
                    f.name(), st.traffic(), errors, latest.name());
            target = List.of(new TrafficTarget(latest.name(), 100, null));
        }
        List<TrafficTarget> split =
                st.rolloutLatest() != null && st.rolloutLatest().equals(latest.name())
                        ? Rollout.at(
                                st.rolloutFrom(),
                                target,
                                latest.name(),
                                Instant.ofEpochMilli(st.rolloutStartedAt()),
                                Duration.ofMillis(st.rolloutMillis()),
                                now())
                        : target;
        Set<String> serving = TrafficSplit.serving(split);
        for (Revision r : revs) {
            if (serving.contains(r.name())) {
                deployRevision.test(RevisionConfig.definition(f, r, store.artifact(r)));
            }
        }
        endpoints.publishTraffic(FunctionRef.local(f.name()), split);
        List<TrafficTarget> old = applied.put(f.name(), split);
        if (!split.equals(old)) {
            LOG.infof("%s: traffic %s", f.name(), describe(split));
        }
        for (Revision r : revs) {
            if (!serving.contains(r.name())) {
                stopRevision.accept(r.name());
            }
        }
        for (Revision r : RevisionGc.collect(revs, serving, keep)) {
            store.delete(r);
            LOG.infof("%s: revision %s garbage-collected (keeping the newest %d)", f.name(), r.name(), keep);
        }
    }

    private boolean needsRevision(FunctionDefinition f, List<Revision> revs) {
        if (revs.isEmpty()) {
            return true;
        }
        Revision last =
                revs.stream().max(Comparator.comparingInt(Revision::number)).orElseThrow();
        return !last.same(ContentDigest.of(f.artifact()), RevisionKey.config(f));
    }

    private static List<String> problems(List<TrafficEntry> traffic, String latest, Set<String> names) {
        List<Violation> errors = new ArrayList<>();
        TrafficRules.check(traffic, errors);
        TrafficRules.resolve(traffic, latest, names, errors);
        return errors.stream().map(Violation::toString).toList();
    }

    private static Set<String> names(List<Revision> revs) {
        Set<String> out = new LinkedHashSet<>();
        revs.forEach(r -> out.add(r.name()));
        return out;
    }

    private static String describe(List<TrafficTarget> split) {
        return split.stream()
                .map(t -> t.revision() + "=" + t.percent() + "%" + (t.tag() == null ? "" : " @" + t.tag()))
                .toList()
                .toString();
    }

    private Instant now() {
        return clock.instant();
    }
}
