package io.restorejobcanceller.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar (its manifest's Implementation-Version), for {@code --version}. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"restore-job-canceller " + (version != null ? version : "(development build)"),
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name")};
    }
}
