package org.fangfei.app.credit;

import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.stereotype.Component;

/**
 * The 失信名单 section of the subject page: the subject's entries, listed or removed, within
 * the caller's scope, newest first.
 */
@Component
class CreditOnSubjectPage implements SubjectSection {

	private final CreditEntries entries;

	CreditOnSubjectPage(CreditEntries entries) {
		this.entries = entries;
	}

	@Override
	public String title() {
		return "失信名单";
	}

	@Override
	public int order() {
		return 7;
	}

	@Override
	public List<Fact> facts(long subjectId, DataScope scope) {
		return this.entries.ofSubject(subjectId, scope)
			.stream()
			.map(e -> new Fact(Times.atCounty(e.basisOn().atStartOfDay()),
					e.status().label() + "：" + e.basisKind().label() + " " + e.basisDoc() + "（" + e.sourceLabel() + " "
							+ e.sourceCode() + "），列入期限至 " + e.expiresOn()
							+ (e.endedOn() == null ? "" : "，" + e.endedOn() + " 移出"),
					"/credit/" + e.id()))
			.toList();
	}

}
