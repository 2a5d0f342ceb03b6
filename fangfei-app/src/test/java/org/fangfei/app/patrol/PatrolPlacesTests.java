package org.fangfei.app.patrol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.patrol.PatrolFixtures.patrolForm;
import static org.fangfei.app.patrol.PatrolFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The places a patrol visits as their owners keep them (issue 13: each module owns its
 * tables): a department sees the patrols of subjects in its sectors by the subject's
 * current sector and name, which reach the patrol module's {@code patrol_subject} through
 * the subject module's {@code SubjectChanged} event; a building is picked, checked and
 * named through the building ledger.
 */
@IntegrationTest
@EnableScenarios
class PatrolPlacesTests {

	private static final DataScope COUNTY = DataScope.jurisdiction("620422000000");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Subjects subjects;

	@Autowired
	PatrolSubjects patrolSubjects;

	@Autowired
	TransactionTemplate tx;

	UserDetails grid;

	UserDetails huishi;

	UserDetails market;

	@BeforeEach
	void setUp() {
		this.grid = this.accounts.ready("grid");
		this.huishi = this.accounts.ready("huishi");
		this.market = this.accounts.ready("market");
	}

	/** The sectors the market regulator (市场监管局, user market) supervises. */
	private List<String> marketSectors() {
		return this.jdbc.sql("""
				select ds.sector_code from department_sector ds join app_user u on u.department_id = ds.department_id
				where u.username = 'market' order by ds.sector_code
				""").query(String.class).list();
	}

	private String sectorOutside(List<String> sectors) {
		return this.jdbc.sql("""
				select min(code) from dict_item where dict_type = 'sector' and enabled and code <> all(:sectors)
				""").param("sectors", sectors.toArray(String[]::new)).query(String.class).single();
	}

	private static SubjectForm form(String name, String sector) {
		return new SubjectForm(SubjectKind.ENTERPRISE, name, "", "", "", "", "街边门店", null, "",
				PatrolFixtures.GRID_VILLAGE, null, sector, null, null, SubjectStatus.WATCHING, "", "");
	}

	private long patrolOf(String target) throws Exception {
		String location = this.mvc.perform(patrolForm(target).with(user(this.grid)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/patrols/".length()));
	}

	private int statusOf(UserDetails who, String path) {
		try {
			return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aDepartmentSeesAPatrolOnceTheSubjectsEditMovedItIntoItsSectors(Scenario scenario) throws Exception {
		List<String> theirs = marketSectors();
		assertThat(theirs).isNotEmpty();
		String name = unique("改行业商行");
		long subject = this.subjects.create(form(name, sectorOutside(theirs)), COUNTY, "office").id();
		long patrol = patrolOf("subject:" + subject);
		String path = "/api/v1/patrols/" + patrol;
		assertThat(statusOf(this.market, path)).isEqualTo(404);
		this.mvc.perform(get("/api/v1/patrols?subjectId={s}", subject).with(user(this.market)))
			.andExpect(jsonPath("$.items.length()").value(0));

		scenario.stimulate(() -> this.subjects.update(subject, form(name + "（更名）", theirs.get(0)), COUNTY))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> statusOf(this.market, path), status -> status == 200)
			.andVerify(status -> {
				try {
					this.mvc.perform(get(path).with(user(this.market)))
						.andExpect(jsonPath("$.subjectName").value(name + "（更名）"));
					this.mvc.perform(get("/api/v1/patrols?subjectId={s}", subject).with(user(this.market)))
						.andExpect(jsonPath("$.items.length()").value(1));
					this.mvc.perform(get(path).with(user(this.grid)))
						.andExpect(jsonPath("$.subjectName").value(name + "（更名）"));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	@Test
	void anOlderEditDeliveredLateOrTwiceDoesNotUndoANewerOne() {
		List<String> theirs = marketSectors();
		String other = sectorOutside(theirs);
		long subject = this.subjects.create(form(unique("迟到事件商行"), other), COUNTY, "office").id();

		this.patrolSubjects.keep(subject, 7, "第七版", theirs.get(0));
		this.patrolSubjects.keep(subject, 6, "第六版", other);
		this.patrolSubjects.keep(subject, 7, "第七版重投", other);

		assertThat(this.jdbc.sql("select name, sector_code, version from patrol_subject where subject_id = :s")
			.param("s", subject)
			.query()
			.singleRow()).isEqualTo(Map.of("name", "第七版", "sector_code", theirs.get(0), "version", 7L));
		this.patrolSubjects.keep(subject, 8, "第八版", other);
		assertThat(this.jdbc.sql("select name from patrol_subject where subject_id = :s")
			.param("s", subject)
			.query(String.class)
			.single()).isEqualTo("第八版");
	}

	/**
	 * V28 fills {@code patrol_subject} on a database that has patrols already: replayed
	 * here on an emptied table inside a transaction that is rolled back.
	 */
	@Test
	void theMigrationCopiesEverySubjectPatrolledBefore() throws Exception {
		long subject = this.subjects.create(form(unique("迁移前商行"), sectorOutside(marketSectors())), COUNTY, "office")
			.id();
		patrolOf("subject:" + subject);
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V28__patrol_subjects.sql"));
		String backfill = migration.substring(migration.indexOf("insert into patrol_subject"));
		this.tx.executeWithoutResult(status -> {
			this.jdbc.sql("delete from patrol_subject").update();
			this.jdbc.sql(backfill.substring(0, backfill.indexOf(';'))).update();
			assertThat(this.jdbc.sql("select count(*) from patrol_subject").query(Long.class).single())
				.isEqualTo(this.jdbc
					.sql("""
							select count(*) from (select subject_id from patrol union select subject_id from pending_finding) t
							where subject_id is not null
							""")
					.query(Long.class)
					.single())
				.isPositive();
			assertThat(this.jdbc
				.sql("""
						select count(*) from patrol_subject ps join subject s on s.id = ps.subject_id
						where s.name = ps.name and s.sector_code is not distinct from ps.sector_code and s.version = ps.version
						""")
				.query(Long.class)
				.single()).isEqualTo(this.jdbc.sql("select count(*) from patrol_subject").query(Long.class).single());
			assertThat(this.jdbc.sql("select count(*) from patrol_subject where subject_id = :s")
				.param("s", subject)
				.query(Long.class)
				.single()).isOne();
			status.setRollbackOnly();
		});
	}

	@Test
	void aBuildingIsPickedCheckedAndNamedThroughTheBuildingLedger() throws Exception {
		String name = unique("巡查楼宇");
		long building = building(this.huishi, name, PatrolFixtures.GRID_VILLAGE);
		assertThat(this.mvc.perform(get("/patrols/places?q={q}", name).with(user(this.grid)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("building:" + building, name);

		long patrol = patrolOf("building:" + building);
		assertThat(this.jdbc.sql("select region_code, grid_id, building_id from patrol where id = :id")
			.param("id", patrol)
			.query()
			.singleRow()).containsEntry("region_code", PatrolFixtures.GRID_VILLAGE)
			.containsEntry("building_id", building)
			.containsEntry("grid_id",
					this.jdbc.sql("select id from grid where region_code = :r and level = 2")
						.param("r", PatrolFixtures.GRID_VILLAGE)
						.query(Long.class)
						.single());

		this.mvc
			.perform(put("/api/v1/buildings/{id}", building).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(buildingJson(name + "北楼", PatrolFixtures.GRID_VILLAGE)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/patrols/{id}", patrol).with(user(this.grid)))
			.andExpect(jsonPath("$.buildingName").value(name + "北楼"));
		this.mvc.perform(get("/api/v1/patrols?worker=grid").with(user(this.grid)))
			.andExpect(jsonPath("$.items[?(@.id == " + patrol + ")].buildingName").value(name + "北楼"));

		// a disabled building, or one of another township, is no place to visit
		this.mvc
			.perform(post("/buildings/{id}/enabled", building).with(user(this.huishi))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		long elsewhere = building(this.accounts.ready("hepan"), unique("河畔楼宇"), PatrolFixtures.hepanVillage(this.jdbc));
		long before = PatrolFixtures.count(this.jdbc, "patrol");
		for (long refused : new long[] { building, elsewhere }) {
			assertThat(this.mvc.perform(patrolForm("building:" + refused).with(user(this.grid)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("楼宇不存在或不在您的管辖范围内");
		}
		assertThat(PatrolFixtures.count(this.jdbc, "patrol")).isEqualTo(before);
		assertThat(this.mvc.perform(get("/patrols/places?q={q}", name).with(user(this.grid)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("building:" + building);
	}

	private long building(UserDetails who, String name, String region) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/buildings").with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(buildingJson(name, region)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	private static String buildingJson(String name, String region) {
		return "{\"name\":\"" + name + "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"" + region + "\"}";
	}

}
