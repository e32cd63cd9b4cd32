package dev.switchboard.systems.officelinx;

import dev.switchboard.desired.DesiredStateWriter;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live Officelinx objects nested back into companies, the inverse of {@link OfficelinxReader}. */
final class OfficelinxExport {

    private OfficelinxExport() {
    }

    static Map<String, Object> of(ResourceSet live) {
        List<Object> companies = new ArrayList<>();
        for (Resource company : live.ofKind(COMPANY)) {
            String name = company.key().leaf();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            company.field("pbx").ifPresent(pbx -> out.put("pbx", pbx));
            List<Object> departments = departmentsUnder(live, List.of(name));
            if (!departments.isEmpty()) {
                out.put("departments", departments);
            }
            List<Object> groups = new ArrayList<>();
            for (Resource group : live.ofKind(FEATURE_GROUP, List.of(name))) {
                groups.add(DesiredStateWriter.pick(group, "number", "name"));
            }
            if (!groups.isEmpty()) {
                out.put("featureGroups", groups);
            }
            List<Object> mailboxes = new ArrayList<>();
            for (Resource mailbox : live.ofKind(MAILBOX, List.of(name))) {
                Map<String, Object> box = DesiredStateWriter.pick(mailbox, "number", "userName", "firstName", "lastName", "featureGroup",
                        "department");
                List<Object> addresses = new ArrayList<>();
                for (Resource address : live.ofKind(ADDRESS, mailbox.key().parts())) {
                    addresses.add(DesiredStateWriter.pick(address, "type", "address"));
                }
                if (!addresses.isEmpty()) {
                    box.put("addresses", addresses);
                }
                mailboxes.add(box);
            }
            if (!mailboxes.isEmpty()) {
                out.put("mailboxes", mailboxes);
            }
            companies.add(out);
        }
        return Map.of("companies", companies);
    }

    private static List<Object> departmentsUnder(ResourceSet live, List<String> parent) {
        List<Object> children = new ArrayList<>();
        for (Resource department : live.ofKind(DEPARTMENT, parent)) {
            List<String> parts = department.key().parts();
            if (parts.size() == parent.size() + 1) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", department.key().leaf());
                List<Object> grandChildren = departmentsUnder(live, parts);
                if (!grandChildren.isEmpty()) {
                    out.put("departments", grandChildren);
                }
                children.add(out);
            }
        }
        return children;
    }
}
