import dev.quiver.api.control.ColdStart;
import dev.quiver.api.control.ControlClient;
import dev.quiver.api.control.FunctionStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver of bench/promotion.sh: warm-pool promotion measured in process, with one JDK HTTP/1.1 client kept
 * alive to the activator (no process or TLS start per request: the client costs microseconds, not the ~10 ms of a
 * curl process). The function is deployed with {@code initialScale 0, warmPool 1} by the script. Each round:
 * wait until the function is at zero with its pool instance ready and idle, send one request (promoted: the activator
 * finds no active instance, the platform promotes the pool instance), then {@code WARM} requests to the now active
 * instance (warm: the baseline, in the same round). Prints each round, then promoted / warm / added as median and
 * min..max, and the platform's own split of the promoted requests (its cold-start record: arrival -> dispatch =
 * the activator's decision and the promotion; dispatch -> first byte = the instance).
 *
 * <pre>
 * PromotionBench CONTROL_URL ACTIVATOR_URL FUNCTION PATH ROUNDS WARM BODY_FILE [Header:Value ...]
 * </pre>
 */
public class PromotionBench {

    public static void main(String[] args) throws Exception {
        ControlClient control = new ControlClient(
                URI.create(args[0]),
                Duration.ofSeconds(10),
                () -> java.util.Optional.ofNullable(System.getProperty("quiver.token")));
        URI target = URI.create(args[1] + "/f/" + args[2] + args[3]);
        String fn = args[2];
        int rounds = Integer.parseInt(args[4]);
        int warm = Integer.parseInt(args[5]);
        byte[] body = Files.readAllBytes(Path.of(args[6]));
        List<String> headers = Arrays.asList(args).subList(7, args.length);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // the client's own classes and connection: warmed against the activator (a 404 for an unknown function)
        HttpRequest probe = HttpRequest.newBuilder(URI.create(args[1] + "/f/no-such-function/x"))
                .GET()
                .build();
        for (int i = 0; i < 200; i++) {
            client.send(probe, HttpResponse.BodyHandlers.discarding());
        }
        double[] promoted = new double[rounds];
        double[] warmMedian = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            waitAtZeroWithPool(control, fn);
            Thread.sleep(2000); // the pool instance finished its warm-up and sits idle
            promoted[r] = timed(client, target, body, headers);
            double[] w = new double[warm];
            for (int i = 0; i < warm; i++) {
                w[i] = timed(client, target, body, headers);
            }
            warmMedian[r] = median(w);
            System.out.printf(
                    "    round %d: promoted %.1f ms, warm %.2f ms (median of %d), added %.1f ms%n",
                    r + 1, promoted[r], warmMedian[r], warm, promoted[r] - warmMedian[r]);
        }
        double[] added = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            added[r] = promoted[r] - warmMedian[r];
        }
        ColdStart.Requests platform =
                control.function(fn).map(s -> s.coldStart().warm()).orElse(ColdStart.Requests.NONE);
        System.out.printf("%s promoted %s ms | warm %s ms | added %s ms%n", fn, spread(promoted), spread(warmMedian),
                spread(added));
        System.out.printf(
                "%s platform record, p50 of %d: arrival->dispatch (decision + promotion) %.1f ms, dispatch->first"
                        + " byte (the instance) %.1f ms, arrival->first byte %.1f ms%n",
                fn,
                platform.count(),
                platform.waiting().p50Ms(),
                platform.served().p50Ms(),
                platform.firstByte().p50Ms());
        // one machine-readable line for bench/goals.sh
        System.out.printf(
                "SUMMARY|%s|%.1f|%.2f|%.1f|%s|%.1f|%.1f%n",
                fn,
                median(promoted),
                median(warmMedian),
                median(added),
                spread(added),
                platform.waiting().p50Ms(),
                platform.served().p50Ms());
    }

    static double timed(HttpClient client, URI target, byte[] body, List<String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : headers) {
            int colon = h.indexOf(':');
            b.header(h.substring(0, colon), h.substring(colon + 1));
        }
        HttpRequest req = b.build();
        long t0 = System.nanoTime();
        HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() / 100 != 2) {
            System.out.printf("    HTTP %d from %s%n", r.statusCode(), target);
        }
        return ms;
    }

    static void waitAtZeroWithPool(ControlClient control, String fn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            FunctionStatus s = control.function(fn).orElseThrow(() -> new IllegalStateException(fn + " not deployed"));
            if (s.ready() == 0 && s.starting() == 0 && s.warm() >= 1) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(fn + " did not get back to zero with a ready pool instance within 3 min");
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String spread(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("%.1f (%.1f..%.1f)", median(v), s[0], s[s.length - 1]);
    }
}
