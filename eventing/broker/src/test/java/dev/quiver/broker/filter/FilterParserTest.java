package dev.quiver.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** type=com.example.order.created source=/shop/eu ext region=eu, no subject. */
    private static final CloudEvent EVENT = CloudEventBuilder.v1()
            .withId("1")
            .withSource(URI.create("/shop/eu"))
            .withType("com.example.order.created")
            .withExtension("region", "eu")
            .build();

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("no filters match everything", "[]", true),
                Arguments.of("exact match", "[{exact: {type: com.example.order.created}}]", true),
                Arguments.of("exact mismatch", "[{exact: {type: com.example.order}}]", false),
                Arguments.of("exact on extension", "[{exact: {region: eu}}]", true),
                Arguments.of("exact on missing attribute", "[{exact: {subject: x}}]", false),
                Arguments.of("prefix match", "[{prefix: {type: com.example.}}]", true),
                Arguments.of("prefix mismatch", "[{prefix: {type: org.}}]", false),
                Arguments.of("suffix match", "[{suffix: {source: /eu}}]", true),
                Arguments.of("suffix mismatch", "[{suffix: {source: /us}}]", false),
                Arguments.of("list is all: one fails", "[{prefix: {type: com.}}, {exact: {region: us}}]", false),
                Arguments.of("all matches", "[{all: [{prefix: {type: com.}}, {exact: {region: eu}}]}]", true),
                Arguments.of("all fails", "[{all: [{prefix: {type: com.}}, {exact: {region: us}}]}]", false),
                Arguments.of("any matches", "[{any: [{exact: {region: us}}, {exact: {region: eu}}]}]", true),
                Arguments.of("any fails", "[{any: [{exact: {region: us}}, {exact: {region: ap}}]}]", false),
                Arguments.of("not inverts", "[{not: {exact: {region: us}}}]", true),
                Arguments.of("not of match", "[{not: {exact: {region: eu}}}]", false),
                Arguments.of("cesql true", "[{cesql: \"region = 'eu' AND type LIKE 'com.example.%'\"}]", true),
                Arguments.of("cesql false", "[{cesql: \"region = 'us'\"}]", false),
                Arguments.of("cesql on missing attribute is false", "[{cesql: \"subject = 'x'\"}]", false),
                Arguments.of("cesql EXISTS", "[{cesql: \"EXISTS region\"}]", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersMatchAsKnative(String label, String yaml, boolean matches) throws Exception {
        EventFilter f = FilterParser.parse(null, YAML.readValue(yaml, List.class));
        assertThat(f.matches(EVENT)).isEqualTo(matches);
    }

    static Stream<Arguments> legacy() {
        return Stream.of(
                Arguments.of("no attributes match everything", Map.of(), true),
                Arguments.of("equal value", Map.of("type", "com.example.order.created"), true),
                Arguments.of("other value", Map.of("type", "com.example.order"), false),
                Arguments.of("empty value, present attribute", Map.of("region", ""), true),
                Arguments.of("empty value, absent attribute", Map.of("subject", ""), false),
                Arguments.of("all attributes must match", Map.of("region", "eu", "source", "/shop/us"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy")
    void legacyAttributesFilter(String label, Map<String, String> attributes, boolean matches) {
        assertThat(FilterParser.parse(attributes, null).matches(EVENT)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy")
    void filtersListWinsOverLegacyFilter(String label, Map<String, String> attributes, boolean ignored)
            throws Exception {
        EventFilter f = FilterParser.parse(attributes, YAML.readValue("[{exact: {region: us}}]", List.class));
        assertThat(f.matches(EVENT)).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown dialect", "[{regex: {type: x}}]", "spec.filters[0]: unknown dialect 'regex'"),
                Arguments.of(
                        "two dialects in one",
                        "[{exact: {type: a}, prefix: {type: b}}]",
                        "spec.filters[0]: must have exactly one dialect"),
                Arguments.of(
                        "exact with two attributes",
                        "[{exact: {type: a, source: b}}]",
                        "spec.filters[0].exact: must have exactly one attribute"),
                Arguments.of(
                        "empty prefix", "[{prefix: {type: ''}}]", "spec.filters[0].prefix.type: must not be empty"),
                Arguments.of("bad attribute name", "[{exact: {Type: a}}]", "attribute name 'Type'"),
                Arguments.of("empty all", "[{all: []}]", "spec.filters[0].all: must be a non-empty list"),
                Arguments.of(
                        "nested error path",
                        "[{exact: {type: a}}, {any: [{not: {suffix: {type: ''}}}]}]",
                        "spec.filters[1].any[0].not.suffix.type: must not be empty"),
                Arguments.of(
                        "invalid cesql", "[{cesql: \"type = \"}]", "spec.filters[0].cesql: invalid CloudEvents SQL"),
                Arguments.of("blank cesql", "[{cesql: ' '}]", "spec.filters[0].cesql: must be a non-empty"),
                Arguments.of(
                        "non-string value",
                        "[{exact: {type: {a: b}}}]",
                        "spec.filters[0].exact.type: must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFiltersAreRejectedWithTheReason(String label, String yaml, String reason) throws Exception {
        List<?> filters = YAML.readValue(yaml, List.class);
        assertThatThrownBy(() -> FilterParser.parse(null, filters))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining(reason);
    }
}
