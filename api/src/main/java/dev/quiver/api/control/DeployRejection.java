package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The 400 body of {@code POST /v1/functions} and {@code PUT /v1/functions/{name}} when the function document is
 * invalid: {@code {"status":400,"error":"invalid_function","problems":["scale.maxScale: must be >= 1, was 0"]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeployRejection(int status, String error, List<String> problems) {

    public static final String INVALID_FUNCTION = "invalid_function";

    public DeployRejection {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static DeployRejection of(List<String> problems) {
        return new DeployRejection(400, INVALID_FUNCTION, problems);
    }
}
