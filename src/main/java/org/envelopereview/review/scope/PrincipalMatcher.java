package org.envelopereview.review.scope;

import java.util.List;

import org.envelopereview.envelope.Envelope;

/**
 * Whether an envelope's {@code principals} (SPEC §7) name the provider principal an
 * action was made as. A pattern holding {@code :}, {@code @} or {@code /} is matched
 * against the whole principal ({@code arn:aws:iam::*:role/failover-agent},
 * {@code sa-router@proj.iam.gserviceaccount.com}); a bare name ({@code failover-agent})
 * against the role or user name, the last path segment of the principal's ARN, or the
 * whole principal.
 */
public final class PrincipalMatcher {

	private PrincipalMatcher() {
	}

	/** Whether the envelope names the principal; never when either is missing. */
	public static boolean governs(Envelope envelope, String principal) {
		return envelope.principals() != null && matchesAny(envelope.principals(), principal);
	}

	public static boolean matchesAny(List<String> patterns, String principal) {
		if (principal == null || principal.isBlank()) {
			return false;
		}
		for (String pattern : patterns) {
			if (matches(pattern, principal)) {
				return true;
			}
		}
		return false;
	}

	static boolean matches(String pattern, String principal) {
		if (ScopeMatcher.globMatches(pattern, principal)) {
			return true;
		}
		boolean qualified = pattern.indexOf(':') >= 0 || pattern.indexOf('@') >= 0 || pattern.indexOf('/') >= 0;
		int slash = principal.lastIndexOf('/');
		return !qualified && slash >= 0 && ScopeMatcher.globMatches(pattern, principal.substring(slash + 1));
	}

}
