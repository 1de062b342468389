package org.envelopereview.system;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddressStringParameters;

/**
 * How CIDRs are read everywhere (envelope scopes and action records alike): IPv4 or IPv6
 * prefixes only — no masks, ranges, wildcards, single segments or inet_aton forms.
 */
public final class CidrSyntax {

	public static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder().allowEmpty(false)
		.allowAll(false)
		.allowSingleSegment(false)
		.allowMask(false)
		.allowPrefixOnly(false)
		.allowWildcardedSeparator(false)
		.allow_inet_aton(false)
		.setRangeOptions(RangeParameters.NO_RANGE)
		.toParams();

	private CidrSyntax() {
	}

}
