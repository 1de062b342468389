package org.envelopereview.envelope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one file, each located by line and field. */
public final class FileProblems {

	private final String file;

	private final List<EnvelopeProblem> problems = new ArrayList<>();

	public FileProblems(String file) {
		this.file = file;
	}

	public String file() {
		return this.file;
	}

	public void add(int line, String field, String message) {
		this.problems.add(new EnvelopeProblem(this.file, line, field, message));
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	/** The problems in the order of the file's lines (stable for one line). */
	public List<EnvelopeProblem> inLineOrder() {
		return this.problems.stream().sorted(Comparator.comparingInt(EnvelopeProblem::line)).toList();
	}

}
