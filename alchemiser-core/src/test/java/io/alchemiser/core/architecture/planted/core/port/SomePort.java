package io.alchemiser.core.architecture.planted.core.port;

/** A port of the planted core; it uses a vendor library, which the allow-list must refuse. */
public interface SomePort {
    com.tngtech.archunit.core.domain.JavaClass vendorType();
}
