package org.envelopereview.envelope;

/** An inclusive port range; a single port has {@code from == to}. */
public record PortRange(int from, int to) {

	public PortRange {
		if (from < 0 || to > 65535 || from > to) {
			throw new IllegalArgumentException("invalid port range " + from + "-" + to);
		}
	}

	public int size() {
		return this.to - this.from + 1;
	}

	public boolean contains(PortRange other) {
		return this.from <= other.from && other.to <= this.to;
	}

	@Override
	public String toString() {
		return (this.from == this.to) ? Integer.toString(this.from) : this.from + "-" + this.to;
	}

}
