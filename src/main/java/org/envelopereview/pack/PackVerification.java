package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.List;

import org.envelopereview.signing.SigningLevel;
import org.envelopereview.signing.VerificationCheck;

/**
 * The outcome of verifying one review pack: one check per line; the pack is good only
 * when none failed.
 *
 * @param signerFingerprint SHA-256 of the signer's certificate, or {@code null} when no
 * signer could be read
 * @param level the PAdES baseline level the pack reaches, or {@code null} when its
 * signature is not valid
 */
public record PackVerification(Path pack, List<VerificationCheck> checks, String signerFingerprint,
		SigningLevel level) {

	public PackVerification {
		checks = List.copyOf(checks);
	}

	public PackVerification(Path pack, List<VerificationCheck> checks, String signerFingerprint) {
		this(pack, checks, signerFingerprint, null);
	}

	public boolean passed() {
		return !this.checks.isEmpty() && this.checks.stream().noneMatch(VerificationCheck::failed);
	}

	public List<VerificationCheck> failures() {
		return this.checks.stream().filter(VerificationCheck::failed).toList();
	}

}
