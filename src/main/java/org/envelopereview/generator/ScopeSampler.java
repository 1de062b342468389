package org.envelopereview.generator;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import inet.ipaddr.IPAddress;

import org.envelopereview.envelope.Scope;

/**
 * Picks values that lie inside a declared scope, so that generated normal traffic is in
 * scope.
 */
final class ScopeSampler {

	/**
	 * Ordinary traffic uses a sixteenth of an allowed prefix per slot, so it never fills
	 * the prefix.
	 */
	private static final int SUB_BLOCK_BITS = 4;

	private final Random random;

	ScopeSampler(Random random) {
		this.random = random;
	}

	/**
	 * A resource matching one of the globs; {@code slot} selects one of a small set of
	 * distinct resources, so the number of resources exercised can grow between periods.
	 */
	String resource(Scope scope, String envelopeId, int slot) {
		if (scope.resources() == null || scope.resources().isEmpty()) {
			return "res-" + envelopeId.toLowerCase(java.util.Locale.ROOT) + "-" + slot;
		}
		String glob = scope.resources().get(slot % scope.resources().size());
		String suffix = String.format("%04x", 0x1000 + slot * 37);
		StringBuilder resource = new StringBuilder();
		for (char c : glob.toCharArray()) {
			if (c == '*') {
				resource.append(suffix);
			}
			else if (c == '?') {
				resource.append(Character.forDigit(slot % 10, 10));
			}
			else {
				resource.append(c);
			}
		}
		return resource.toString();
	}

	/**
	 * A prefix lying wholly inside one of the allowed prefixes (a /24 or /64 inside a
	 * wider one); {@code slot} selects which, so the address space exercised stays stable
	 * unless the pool grows.
	 */
	String cidr(Scope scope, int slot) {
		if (scope.cidrs() == null || scope.cidrs().isEmpty()) {
			return "198.51.100." + (slot + 1) + "/32";
		}
		IPAddress allowed = scope.cidrs().get(slot % scope.cidrs().size());
		int prefix = (allowed.getPrefixLength() != null) ? allowed.getPrefixLength() : allowed.getBitCount();
		int subPrefix = Math.min(allowed.getBitCount(), prefix + SUB_BLOCK_BITS);
		if (subPrefix == prefix) {
			return allowed.toPrefixBlock().toCanonicalString();
		}
		Iterator<? extends IPAddress> blocks = allowed.toPrefixBlock()
			.setPrefixLength(subPrefix, false)
			.prefixBlockIterator();
		IPAddress block = blocks.next();
		for (int i = 0; i < slot && blocks.hasNext(); i++) {
			block = blocks.next();
		}
		return block.toCanonicalString();
	}

	/**
	 * One port of the allowed ranges; {@code slot} selects which, like
	 * {@link #cidr(Scope, int)}.
	 */
	String ports(Scope scope, int slot) {
		if (scope.ports() == null || scope.ports().isEmpty()) {
			return "443";
		}
		return Integer.toString(scope.ports().get(slot % scope.ports().size()).from());
	}

	String protocol(Scope scope) {
		return (scope.protocols() == null || scope.protocols().isEmpty()) ? "tcp" : pick(scope.protocols());
	}

	String region(Scope scope, List<String> fallback) {
		return (scope.regions() == null || scope.regions().isEmpty()) ? pick(fallback) : pick(scope.regions());
	}

	/** A concrete model version matching a glob such as {@code orchestrator-2.3.*}. */
	String modelVersion(List<String> globs) {
		if (globs == null || globs.isEmpty()) {
			return "netops-model-1.0.0";
		}
		return pick(globs).replace("*", Integer.toString(1 + this.random.nextInt(3))).replace('?', '0');
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
