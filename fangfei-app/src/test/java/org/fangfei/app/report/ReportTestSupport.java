package org.fangfei.app.report;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the report tests share: the demo accounts, the shipped forms, and clues received
 * on a past day of the tests' own (the clock held there, as the demo's history does), in
 * a year no other test writes to.
 */
abstract class ReportTestSupport extends CountyTestSupport {

	@Autowired
	ClueIntake intake;

	@Autowired
	MeasureCatalog catalog;

	@Autowired
	Figures figures;

	@Autowired
	FormGenerator generator;

	@Autowired
	ReportForms forms;

	UserDetails leader;

	UserDetails huishi;

	UserDetails hepan;

	UserDetails grid;

	UserDetails market;

	@BeforeEach
	void setUpAccounts() {
		this.leader = this.accounts.ready("leader");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.grid = this.accounts.ready("grid");
		this.market = this.accounts.ready("market");
	}

	long formId(String code) {
		return this.jdbc.sql("select id from report_form where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** A clue received on {@code day} (clock held there) in {@code region}. */
	String clueOn(LocalDate day, String region, ClueSource source) {
		try (var held = Times.holdAt(Times.atCounty(day.atTime(LocalTime.of(10, 0))))) {
			return this.intake
				.register(
						new ClueForm(source, "报表测试", "", null, "报表测试：某公司承诺高额回报吸收资金 " + System.nanoTime(), "群众反映",
								region, null, null, "200000", 10, null, List.of(), null, null, null, null, null, null),
						Actor.system("测试"))
				.code();
		}
	}

	MvcResult page(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = get(path).with(user(who));
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn();
	}

	MvcResult postForm(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn();
	}

	/**
	 * The value of {@code code} (with {@code param}) on the line labelled {@code label}.
	 */
	static long cell(FormGenerator.Generated form, String label, String code, String param) {
		FormGenerator.Line line = form.lines()
			.stream()
			.filter(l -> l.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no line " + label + " in " + form.lines().stream().map(FormGenerator.Line::label).toList()));
		return line.cells()
			.stream()
			.filter(c -> c.measure().code().equals(code) && java.util.Objects.equals(c.param(), param))
			.findFirst()
			.orElseThrow()
			.value();
	}

	FormGenerator.Generated generate(String code, Period period, String region) {
		ReportForms.StoredForm form = this.forms.get(formId(code));
		return this.generator.generate(form.id(), this.forms.definition(form), period,
				new Jurisdiction(region, region, false));
	}

}
