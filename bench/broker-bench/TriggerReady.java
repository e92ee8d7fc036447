import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Waits until a broker trigger is ready: {@code TriggerReady <admin url of the trigger> <seconds>}; exit 0 when
 * {@code GET} answers a {@link TriggerDocument} whose status is {@code ready}, 1 on timeout. Reads the broker's own record.
 */
public final class TriggerReady {
    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Long.parseLong(a[1]) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(a[0])).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    TriggerDocument t = json.readValue(r.body(), TriggerDocument.class);
                    if (t.status() != null && t.status().ready()) {
                        return;
                    }
                }
            } catch (java.io.IOException notYet) {
                // the broker is starting
            }
            Thread.sleep(500);
        }
        System.err.println("trigger not ready: " + a[0]);
        System.exit(1);
    }
}
