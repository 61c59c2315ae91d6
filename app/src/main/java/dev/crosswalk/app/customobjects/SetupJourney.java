package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.integration.IntegrationStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the setup journey (System Connections) stands for one Salesforce org, derived from what
 * is true now — so an interrupted journey resumes at the first step not done, and any step can
 * be repeated. 1 Outbound, 2 select the organization (on Crosswalk's consent page, during 1),
 * 3 Inbound with the preflight, 4 Finish.
 */
record SetupJourney(CustomObjectsIntegrations.Source source, CustomObjectsIntegration integration,
        CustomObjectsHealth.Verification verification, List<Step> steps, boolean finished) {

    enum State { DONE, CURRENT, TODO, FAILED }

    record Step(int number, String key, String title, State state, String summary) {
        public boolean done() {
            return state == State.DONE;
        }

        /** The {@code aria-current} value of the progress indicator. */
        public String ariaCurrent() {
            return state == State.CURRENT || state == State.FAILED ? "step" : null;
        }
    }

    static SetupJourney of(CustomObjectsIntegrations.Source source, CustomObjectsIntegration integration, ConnectionView inboundView,
            CustomObjectsHealth.Verification v, boolean finishedNow, String outboundError, boolean outboundTokenActive) {
        // A callout proves the Outbound connection; without a working Inbound connection none can be asked for, and then
        // the authorization server's own record (a live token of this client) is the best evidence there is.
        boolean outbound = v != null && (v.outbound().works() || (!v.outbound().checked() && outboundTokenActive));
        boolean inbound = v != null && v.inbound().works();
        boolean finished = finishedNow || (outbound && inbound && integration != null
                && integration.status() == IntegrationStatus.ACTIVE);
        List<Step> steps = new ArrayList<>();
        String orgName = source.integration().name();
        steps.add(new Step(1, "outbound", "Outbound: Salesforce signs in to Crosswalk",
                outbound ? State.DONE : outboundError != null ? State.FAILED : State.TODO,
                outbound ? (v.outbound().works() ? "The Named Credential Crosswalk holds a working token: a callout reached Crosswalk."
                        : "Salesforce holds a Crosswalk token for the Named Credential Crosswalk; a callout proves it once Inbound"
                                + " is connected.")
                        : outboundError != null ? "Salesforce reported: " + outboundError
                        : "Salesforce's Named Credential Crosswalk signs in to Crosswalk (you sign in here if needed)."));
        steps.add(new Step(2, "organization", "Select the organization", outbound ? State.DONE : State.TODO,
                outbound ? "Salesforce org " + source.salesforceOrgId() + " belongs to this Crosswalk organization."
                        : "On Crosswalk's consent page, during step 1: which Crosswalk organization this org belongs to."));
        steps.add(new Step(3, "inbound", "Inbound: Crosswalk signs in to Salesforce",
                inbound ? State.DONE : v != null && v.inbound().checked() ? State.FAILED : State.TODO,
                inbound ? "Crosswalk writes as " + inboundView.salesforceUsername() + "; every requirement of the package is met."
                        : "Sign in to Salesforce as the integration user of " + orgName + "; Crosswalk then checks every"
                                + " permission the package needs."));
        steps.add(new Step(4, "finish", "Finish", finished ? State.DONE : State.TODO,
                finished ? "Both connections are verified and the first push is queued."
                        : "Queue the first push of overlaps into Salesforce."));
        for (Step s : steps) {
            if (s.state() == State.TODO || s.state() == State.FAILED) {
                int i = steps.indexOf(s);
                if (s.state() == State.TODO) {
                    steps.set(i, new Step(s.number(), s.key(), s.title(), State.CURRENT, s.summary()));
                }
                break;
            }
        }
        return new SetupJourney(source, integration, v, List.copyOf(steps), finished);
    }

    public boolean readyToFinish() {
        return steps.get(0).done() && steps.get(2).done();
    }
}
