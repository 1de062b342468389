package org.envelopereview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.pack.PackVerification;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.signing.PadesVerifier;
import org.envelopereview.signing.SigningKeyException;
import org.envelopereview.signing.VerificationCheck;

import org.springframework.stereotype.Component;

/** {@code verify PACK.pdf…}: checks signed review packs and says what failed. */
@Component
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "Verify signed review packs: one PAdES signature covering the whole file and valid, "
				+ "the embedded manifest matching every attachment, and optionally a trusted signer. "
				+ "Exits 0 only when every check of every pack passes.")
class VerifyCommand implements Callable<Integer> {

	private final PackVerifier verifier;

	@Parameters(arity = "1..*", paramLabel = "PACK.pdf", description = "signed review packs")
	List<Path> packs;

	@Option(names = "--trust-store", paramLabel = "FILE",
			description = "trusted certificates: PEM, or PKCS#12 (password in REVIEW_TRUST_STORE_PASSWORD if any)")
	Path trustStore;

	@Spec
	CommandSpec spec;

	VerifyCommand(PackVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		List<X509Certificate> trusted = null;
		if (this.trustStore != null) {
			try {
				String password = System.getenv("REVIEW_TRUST_STORE_PASSWORD");
				trusted = PadesVerifier.readTrustStore(this.trustStore,
						(password != null) ? password.toCharArray() : null);
			}
			catch (SigningKeyException ex) {
				err.println("verify: " + ex.getMessage());
				return 1;
			}
		}
		int verified = 0;
		for (Path pack : this.packs) {
			PackVerification verification = this.verifier.verify(pack, trusted);
			out.println(pack);
			for (VerificationCheck check : verification.checks()) {
				out.printf("  %-4s %s: %s%n", check.outcome(), check.name(), check.detail());
			}
			if (verification.passed()) {
				verified++;
				out.println("  => VERIFIED");
			}
			else {
				out.println("  => NOT VERIFIED: " + verification.failures().size() + " check(s) failed ("
						+ String.join(", ", verification.failures().stream().map(VerificationCheck::name).toList())
						+ ")");
			}
		}
		out.println("verify: " + verified + " of " + this.packs.size() + " pack(s) verified"
				+ ((verified == this.packs.size()) ? "" : "; " + (this.packs.size() - verified) + " FAILED"));
		out.flush();
		return (verified == this.packs.size()) ? 0 : 1;
	}

}
