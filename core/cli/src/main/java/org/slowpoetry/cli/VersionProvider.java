package org.slowpoetry.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code slowpoetry --version}: our version, and the JVM that runs us. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "slowpoetry " + (version == null ? "0.1.0-SNAPSHOT" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
