package org.fangfei.app.warning;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.stereotype.Component;

/**
 * The 风险指数 section of the subject page: the index and tier, each contribution with its
 * record, and the subject's warnings, within the caller's scope.
 */
@Component
class IndexOnSubjectPage implements SubjectSection {

	private final IndexQueries indices;

	private final Warnings warnings;

	IndexOnSubjectPage(IndexQueries indices, Warnings warnings) {
		this.indices = indices;
		this.warnings = warnings;
	}

	@Override
	public String title() {
		return "风险指数";
	}

	@Override
	public int order() {
		return 1;
	}

	@Override
	public List<Fact> facts(long subjectId, DataScope scope) {
		List<Fact> facts = new ArrayList<>();
		this.indices.find(subjectId, scope).ifPresent(i -> {
			facts.add(new Fact(i.computedAt(), "风险指数 " + i.score() + " 分，" + i.tier().label() + "（点击查看构成）",
					"/warnings/subjects/" + subjectId));
			this.indices.contributions(subjectId)
				.forEach(c -> facts
					.add(new Fact(c.at(), c.kind().label() + " +" + c.points() + "：" + c.label(), c.link())));
			this.warnings.list(scope, null, subjectId, 10)
				.forEach(w -> facts.add(new Fact(Times.local(w.raisedAt()),
						w.tier().label() + "预警，" + w.statusLabel() + "，反馈期限 " + w.dueOn(), "/warnings/" + w.id())));
		});
		return facts;
	}

}
