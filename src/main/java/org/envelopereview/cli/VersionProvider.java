package org.envelopereview.cli;

import picocli.CommandLine.IVersionProvider;

import org.envelopereview.system.SoftwareVersion;

/** Reports the build's version for {@code --version}. */
class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { "envelope-review " + SoftwareVersion.current() };
	}

}
