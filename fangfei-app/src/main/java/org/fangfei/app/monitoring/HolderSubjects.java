package org.fangfei.app.monitoring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.stereotype.Component;

/**
 * The ledger subjects an account holder's name stands for: those within scope whose
 * credit code the name carries (a valid one), otherwise those whose name is exactly the
 * holder's. Used when an alert becomes a clue and when an alert is raised
 * ({@link AlertRaised}).
 */
@Component
class HolderSubjects {

	private static final java.util.regex.Pattern CREDIT_CODE = java.util.regex.Pattern
		.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

	private final Subjects subjects;

	HolderSubjects(Subjects subjects) {
		this.subjects = subjects;
	}

	List<Long> of(String holder, DataScope scope) {
		if (holder == null || holder.isBlank()) {
			return List.of();
		}
		Set<Long> ids = new LinkedHashSet<>();
		Matcher code = CREDIT_CODE.matcher(holder.toUpperCase());
		while (code.find()) {
			if (CreditCode.isValid(code.group())) {
				this.subjects.list(query(code.group()), scope, 5).forEach((s) -> ids.add(s.id()));
			}
		}
		if (ids.isEmpty()) {
			String name = holder.strip();
			this.subjects.list(query(name), scope, 50)
				.stream()
				.filter((s) -> s.name().equals(name))
				.map(Subject::id)
				.forEach(ids::add);
		}
		return List.copyOf(ids);
	}

	private static SubjectQuery query(String text) {
		return new SubjectQuery(text, null, null, null, null, null, null, null);
	}

}
