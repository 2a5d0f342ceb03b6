package org.fangfei.app.subject;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's total is the same whether it is counted or follows from the last page, and
 * it stops at one more than {@link Subjects#COUNT_CAP}.
 */
@IntegrationTest
class SubjectSearchTests {

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	/** 25 subjects in 中庄村, newest with the highest id, named 翻页01 … 翻页25. */
	private DataScope twentyFiveSubjects() {
		String village = "620422225204";
		if (this.jdbc.sql("select count(*) from subject where region_code = :v")
			.param("v", village)
			.query(Long.class)
			.single() == 0) {
			this.jdbc.sql("""
					insert into subject (kind, name, status, region_code, created_by)
					select 'ENTERPRISE', '翻页' || lpad(i::text, 2, '0'), 'WATCHING', :v, 'test'
					from generate_series(1, 25) i order by i
					""").param("v", village).update();
		}
		return DataScope.jurisdiction(village);
	}

	@Test
	void everyPageReportsTheSameTotal() {
		DataScope scope = twentyFiveSubjects();
		PageOf<Subject> first = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(1, 10));
		PageOf<Subject> last = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(3, 10));
		PageOf<Subject> beyond = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(4, 10));
		PageOf<Subject> whole = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(1, 30));
		assertThat(first.items()).hasSize(10);
		assertThat(first.items().get(0).name()).isEqualTo("翻页25");
		assertThat(last.items()).extracting(Subject::name).containsExactly("翻页05", "翻页04", "翻页03", "翻页02", "翻页01");
		assertThat(beyond.items()).isEmpty();
		assertThat(whole.items()).hasSize(25);
		assertThat(first.total()).isEqualTo(25);
		assertThat(last.total()).isEqualTo(25);
		assertThat(beyond.total()).isEqualTo(25);
		assertThat(whole.total()).isEqualTo(25);
	}

	@Test
	void aFilteredSearchCountsOnlyTheMatches() {
		DataScope scope = twentyFiveSubjects();
		SubjectQuery tens = new SubjectQuery("翻页1", null, null, null, null, null, null, null);
		SubjectQuery none = new SubjectQuery("翻页99", null, null, null, null, null, null, null);
		assertThat(this.subjects.search(tens, scope, PageRequest.of(1, 5)).total()).isEqualTo(10);
		assertThat(this.subjects.search(tens, scope, PageRequest.of(2, 5)).total()).isEqualTo(10);
		assertThat(this.subjects.search(tens, scope, PageRequest.of(1, 20)).total()).isEqualTo(10);
		assertThat(this.subjects.search(none, scope, PageRequest.of(1, 20)).total()).isZero();
		assertThat(this.subjects.search(none, scope, PageRequest.of(2, 20)).total()).isZero();
	}

	@Test
	void theLastPageBeyondTheCapReportsTheCap() {
		String village = "620422225205";
		int rows = Subjects.COUNT_CAP + 50;
		this.jdbc.sql("""
				insert into subject (kind, name, status, region_code, created_by)
				select 'PLATFORM', '封顶' || i, 'RESOLVED', :v, 'test' from generate_series(1, :n) i
				""").param("v", village).param("n", rows).update();
		DataScope scope = DataScope.jurisdiction(village);
		PageOf<Subject> last = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(rows / 20 + 1, 20));
		PageOf<Subject> first = this.subjects.search(SubjectQuery.all(), scope, PageRequest.of(1, 20));
		assertThat(last.items()).hasSize(rows % 20);
		assertThat(last.total()).isEqualTo(Subjects.COUNT_CAP + 1);
		assertThat(first.total()).isEqualTo(Subjects.COUNT_CAP + 1);
	}

}
