package org.envelopereview.system;

/** The product version recorded in manifests and shown by {@code --version}. */
public final class SoftwareVersion {

	private SoftwareVersion() {
	}

	public static String current() {
		String version = SoftwareVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "0.1.0-dev";
	}

}
