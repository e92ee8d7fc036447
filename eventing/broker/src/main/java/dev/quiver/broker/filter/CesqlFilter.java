package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.sql.Expression;
import io.cloudevents.sql.Result;

/** The {@code cesql} dialect: a CloudEvents SQL expression (SDK cloudevents-sql); true matches. */
record CesqlFilter(String source, Expression expression) implements EventFilter {

    @Override
    public boolean matches(CloudEvent event) {
        Result result = expression.evaluate(event);
        // an evaluation error (e.g. a missing attribute) yields the type's zero value: false for a boolean
        return Boolean.TRUE.equals(result.value());
    }
}
