package dev.switchboard.provider;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The {@link ApiObserver} provider factories inject: none by default; the daemon's metrics replace it
 * with a bean of their own.
 */
@ApplicationScoped
public class ApiObserverProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    ApiObserver noObserver() {
        return ApiObserver.NONE;
    }
}
