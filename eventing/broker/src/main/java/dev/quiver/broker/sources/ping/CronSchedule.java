package dev.quiver.broker.sources.ping;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PingSource schedule as Knative reads it (robfig/cron v3's standard parser): five fields (minute hour
 * day-of-month month day-of-week) with {@code * , - /}, {@code ?}, month and weekday names, an optional
 * {@code CRON_TZ=Zone} or {@code TZ=Zone} prefix, and the descriptors {@code @yearly @annually @monthly @weekly
 * @daily @midnight @hourly @every <duration>}. Written here: no cron library for the standard 5-field syntax
 * resolves in this build (Quartz's syntax has seconds and differs). Pure.
 * <p>
 * Wall-clock rules (robfig's): a time that does not exist in the zone (spring forward) is skipped; a time that
 * exists twice (fall back) fires at both instants. Day-of-month and day-of-week are OR-ed when both are restricted,
 * AND-ed when either is {@code *}. {@code @every d} slots are the multiples of d since the epoch (robfig counts
 * from when its process started, which no durable record could reproduce).
 */
public final class CronSchedule {

    private static final Pattern EVERY = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** How far ahead a next slot is searched (Feb 29 on a Monday recurs within 28 years). */
    private static final int MAX_DAYS = 366 * 29;

    private final String text;
    private final Optional<ZoneId> zone;
    private final Duration every;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domStar;
    private final boolean dowStar;

    private CronSchedule(
            String text,
            Optional<ZoneId> zone,
            Duration every,
            BitSet minutes,
            BitSet hours,
            BitSet daysOfMonth,
            BitSet months,
            BitSet daysOfWeek,
            boolean domStar,
            boolean dowStar) {
        this.text = text;
        this.zone = zone;
        this.every = every;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domStar = domStar;
        this.dowStar = dowStar;
    }

    /** @throws IllegalArgumentException naming the bad part */
    public static CronSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        String rest = text.trim();
        Optional<ZoneId> zone = Optional.empty();
        if (rest.startsWith("CRON_TZ=") || rest.startsWith("TZ=")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("a time zone prefix must be followed by the schedule");
            }
            zone = Optional.of(zone(rest.substring(rest.indexOf('=') + 1, space)));
            rest = rest.substring(space + 1).trim();
        }
        if (rest.startsWith("@every")) {
            Duration d = goDuration(rest.substring("@every".length()).trim());
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("@every needs at least 1s, got '" + rest + "'");
            }
            return new CronSchedule(text, zone, d, null, null, null, null, null, true, true);
        }
        if (rest.startsWith("@")) {
            String fields = DESCRIPTORS.get(rest.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw new IllegalArgumentException(
                        "unknown descriptor '" + rest + "' (one of " + DESCRIPTORS.keySet() + " or @every)");
            }
            rest = fields;
        }
        String[] f = rest.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week), got "
                    + f.length + " in '" + rest + "'");
        }
        BitSet dow = field("day-of-week", f[4], 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        return new CronSchedule(
                text,
                zone,
                null,
                field("minute", f[0], 0, 59, List.of()),
                field("hour", f[1], 0, 23, List.of()),
                field("day-of-month", f[2], 1, 31, List.of()),
                field("month", f[3], 1, 12, MONTHS),
                dow,
                starred(f[2]),
                starred(f[4]));
    }

    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "'");
        }
    }

    /** The zone given in the schedule's prefix, if any (it wins over {@code spec.timezone}, as in Knative). */
    public Optional<ZoneId> zone() {
        return zone;
    }

    /** The first slot strictly after {@code after}, in {@code zone} unless the schedule names its own. */
    public Instant next(Instant after, ZoneId defaultZone) {
        if (every != null) {
            long step = every.toMillis();
            long n = Math.floorDiv(after.toEpochMilli(), step) + 1;
            return Instant.ofEpochMilli(n * step);
        }
        ZoneId z = zone.orElse(defaultZone);
        LocalDate day = LocalDateTime.ofInstant(after, z).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            // the day's earliest slot after `after`: in a fall-back overlap wall-clock order is not instant order
            Instant best = null;
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    LocalDateTime local = LocalDateTime.of(day, LocalTime.of(h, m));
                    // none in a spring-forward gap (skipped); two in a fall-back overlap (both fire)
                    for (ZoneOffset offset : z.getRules().getValidOffsets(local)) {
                        Instant at = local.toInstant(offset);
                        if (at.isAfter(after) && (best == null || at.isBefore(best))) {
                            best = at;
                        }
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("schedule '" + text + "' has no slot within " + MAX_DAYS + " days");
    }

    private boolean matches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        return domStar || dowStar ? dom && dow : dom || dow;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean starred(String field) {
        return field.startsWith("*") || field.equals("?");
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            try {
                part(set, part.toLowerCase(Locale.ROOT), min, max, names);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " '" + text + "': " + e.getMessage());
            }
        }
        return set;
    }

    private static void part(BitSet set, String part, int min, int max, List<String> names) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), 1, Integer.MAX_VALUE, List.of(), 0);
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ab = range.split("-", 2);
            from = number(ab[0], min, max, names, min);
            to = number(ab[1], min, max, names, min);
            if (from > to) {
                throw new IllegalArgumentException("range " + range + " runs backwards");
            }
        } else {
            from = number(range, min, max, names, min);
            to = slash >= 0 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
            set.set(v);
        }
    }

    private static int number(String s, int min, int max, List<String> names, int firstName) {
        int named = names.indexOf(s);
        if (named >= 0) {
            return named + firstName;
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is outside " + min + "-" + max);
        }
        return v;
    }

    /** Go's duration syntax as {@code @every} takes it: {@code 1h30m}, {@code 90s}, {@code 500ms}. */
    static Duration goDuration(String s) {
        Matcher m = EVERY.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double v = Double.parseDouble(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "h" -> 3_600_000L;
                case "m" -> 60_000L;
                case "s" -> 1_000L;
                default -> 1L;
            };
            total = total.plusMillis(Math.round(v * unitMillis));
            end = m.end();
        }
        if (s.isEmpty() || end != s.length()) {
            throw new IllegalArgumentException("@every needs a duration such as 1m, 30s or 1h30m, got '" + s + "'");
        }
        return total;
    }
}
