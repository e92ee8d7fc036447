package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.Routing;

/**
 * Where the loop publishes each function's ready endpoints for an activator in the same process. The Kubernetes
 * backend publishes nothing here: its activator reads EndpointSlices.
 */
public interface RoutePublisher {
    RoutePublisher NONE = new RoutePublisher() {
        @Override
        public void publish(FunctionRef function, Routing routing) {}

        @Override
        public void remove(FunctionRef function) {}
    };

    void publish(FunctionRef function, Routing routing);

    void remove(FunctionRef function);

    static RoutePublisher of(PublishedEndpoints endpoints) {
        return new RoutePublisher() {
            @Override
            public void publish(FunctionRef function, Routing routing) {
                endpoints.publish(function, routing);
            }

            @Override
            public void remove(FunctionRef function) {
                endpoints.remove(function);
            }
        };
    }
}
