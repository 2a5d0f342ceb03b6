package org.fangfei.app.patrol;

import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subjects patrols were made of, as the patrol module needs them: the name for its
 * lists and the sector for a department's scope ({@code patrol_subject}, this module's
 * projection; the subject table is the subject module's). A subject is kept when a patrol
 * of it is recorded, and follows every later edit through {@link SubjectChanged}. Each
 * write keeps the newer version only, so the order in which the recording and the events
 * arrive does not matter, and an edit committed while a patrol was being recorded is not
 * lost: its event writes the row whether or not the patrol has committed yet.
 */
@Component
class PatrolSubjects {

	private final JdbcClient jdbc;

	PatrolSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the subject a patrol is being recorded of; joins the patrol's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void keep(Subject subject) {
		keep(subject.id(), subject.version(), subject.name(), subject.sectorCode());
	}

	@ApplicationModuleListener
	void on(SubjectChanged changed) {
		keep(changed.subjectId(), changed.version(), changed.name(), changed.sectorCode());
	}

	/**
	 * Keeps this version of a subject unless a newer one is kept already; in the caller's
	 * transaction, or on its own.
	 */
	void keep(long id, long version, String name, String sectorCode) {
		this.jdbc
			.sql("""
					insert into patrol_subject (subject_id, name, sector_code, version) values (:id, :name, :sector, :version)
					on conflict (subject_id) do update set name = excluded.name, sector_code = excluded.sector_code,
					  version = excluded.version
					where patrol_subject.version < excluded.version
					""")
			.param("id", id)
			.param("name", name)
			.param("sector", sectorCode)
			.param("version", version)
			.update();
	}

}
