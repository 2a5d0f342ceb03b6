/**
 * Organisation and grids (组织与网格): the administrative tree (行政区划), level-1 and level-2
 * grids (一级/二级网格), member departments (成员单位) with the sectors they supervise, and the
 * people attached to them (网格长, 网格员, 信息员); their import from Excel/CSV and the demo
 * county.
 */
@ApplicationModule(allowedDependencies = { "workbench", "audit", "shared" })
package org.fangfei.app.organisation;

import org.springframework.modulith.ApplicationModule;
