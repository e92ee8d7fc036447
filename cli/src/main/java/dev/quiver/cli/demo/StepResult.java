package dev.quiver.cli.demo;

/** One checked step of the demo: what it claims, what was observed, whether the claim held. */
public record StepResult(String step, String claim, String observed, boolean passed) {

    public String verdict() {
        return passed ? "PASS" : "FAIL";
    }
}
