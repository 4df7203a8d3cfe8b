package io.alchemiser.inmemory;

/**
 * Thrown by a component a test told to "crash" (for example {@link SimulatedBroker#crashBeforeSubmit(int)}): it stands
 * for the process dying at that point. It is deliberately not an {@link io.alchemiser.core.port.AlchemiserException},
 * so code that handles port errors does not mistake it for one.
 */
public class SimulatedCrash extends RuntimeException {
    public SimulatedCrash(String message) {
        super(message);
    }
}
