package org.fangfei.app.petition;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.casefile.CaseSection;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case page's sections from this module: the petitions about the case and its
 * stability risk assessments, each with the link to register one.
 */
@Configuration(proxyBeanMethods = false)
class StabilityOnCasePage {

	@Bean
	CaseSection petitionsOnCasePage(PetitionQueries queries) {
		return new CaseSection() {

			@Override
			public String title() {
				return "信访件";
			}

			@Override
			public int order() {
				return 10;
			}

			@Override
			public List<Fact> facts(long caseId, DataScope scope) {
				var q = new PetitionQuery(null, null, null, null, null, null, null, caseId);
				return queries.search(q, scope, PageRequest.of(1, 50))
					.items()
					.stream()
					.map(p -> new Fact(p.code() + " " + p.channel().label() + " " + p.receivedOn() + " "
							+ (p.petitioner() == null ? "" : p.petitioner())
							+ (p.petitionersCount() > 1 ? "等" + p.petitionersCount() + "人" : "") + "（"
							+ p.status().label() + (p.overdue() ? "，逾期" : "") + "）", "/petitions/" + p.id()))
					.toList();
			}

			@Override
			public List<Fact> actions(long caseId, Actor actor) {
				return actor.can(Petitions.EDIT) ? List.of(new Fact("登记信访件", "/petitions/new?caseId=" + caseId))
						: List.of();
			}

		};
	}

	@Bean
	CaseSection assessmentsOnCasePage(Assessments assessments) {
		return new CaseSection() {

			@Override
			public String title() {
				return "社会稳定风险评估";
			}

			@Override
			public int order() {
				return 11;
			}

			@Override
			public List<Fact> facts(long caseId, DataScope scope) {
				List<Fact> facts = new ArrayList<>();
				for (var a : assessments.search(caseId, scope, PageRequest.of(1, 50)).items()) {
					facts.add(new Fact(
							a.step().label() + "：风险" + a.riskLevel().label() + "，" + a.assessedOn() + " "
									+ a.assessedBy() + "；预案：" + PetitionDesk.abbreviate(a.plan()),
							"/stability/assessments?caseId=" + caseId));
				}
				return facts;
			}

			@Override
			public List<Fact> actions(long caseId, Actor actor) {
				return actor.can(Assessments.EDIT)
						? List.of(new Fact("登记风险评估", "/stability/assessments/new?caseId=" + caseId)) : List.of();
			}

		};
	}

}
