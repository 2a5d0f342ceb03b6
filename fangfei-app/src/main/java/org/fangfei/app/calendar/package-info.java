/**
 * The working-day calendar (工作日历): the admin-edited table of public holidays (法定节假日) and
 * adjusted working days (调休上班) from which deadlines in working days are computed.
 */
@ApplicationModule(allowedDependencies = { "notification", "audit", "shared" })
package org.fangfei.app.calendar;

import org.springframework.modulith.ApplicationModule;
