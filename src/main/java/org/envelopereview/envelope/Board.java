package org.envelopereview.envelope;

import java.util.List;

/** A governance board that reviews a set of envelopes and signs off its pack. */
public record Board(String id, String name, boolean isDefault, List<Member> members) {

	public Board {
		members = List.copyOf(members);
	}

	/** A board member, listed on the sign-off page. */
	public record Member(String name, String role, String email) {
	}

}
