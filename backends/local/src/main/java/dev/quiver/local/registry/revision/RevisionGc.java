package dev.quiver.local.registry.revision;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which revisions to garbage-collect: all but the newest {@code keep}, never the latest nor one that serves. */
public final class RevisionGc {
    private RevisionGc() {}

    public static List<Revision> collect(List<Revision> revisions, Set<String> serving, int keep) {
        List<Revision> newestFirst = revisions.stream()
                .sorted(Comparator.comparingInt(Revision::number).reversed())
                .toList();
        return newestFirst.stream()
                .skip(Math.max(1, keep))
                .filter(r -> !serving.contains(r.name()))
                .toList();
    }
}
