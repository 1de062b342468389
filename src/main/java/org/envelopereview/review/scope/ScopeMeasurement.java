package org.envelopereview.review.scope;

import java.math.BigInteger;

/** The scope agents actually exercised under one envelope in one period. */
public record ScopeMeasurement(String period, long actionCount, int actionTypes, int resources,
		BigInteger ipv4Addresses, BigInteger ipv6Addresses, int ports, int regions, int agents, int openRulesStart,
		int openRulesEnd, int openRulesPeak) {
}
