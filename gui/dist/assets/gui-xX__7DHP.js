var e=`# Orbit web GUI — English (the reference language: every id here exists in every language).

## Shell
skip-to-content = Skip to content
nav-main = Main
nav-home = Home
nav-project-members = Project members
nav-org-members = Members and invitations
nav-org-audit = Audit log
nav-you = You
nav-account = Account
nav-keys = API keys
nav-instance = Instance
nav-admin = Administration
nav-audit = Instance audit log
switch-org = Organisation
switch-project = Project
no-org = No organisation yet
no-project = No project yet
choose-project = Choose a project…
org-create-option = + New organisation…
project-create-option = + New project…
theme = Theme
theme-auto = Automatic
theme-light = Light
theme-dark = Dark
language = Language
language-browser = Browser’s language
language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-ar = العربية
logout = Log out
banner-unreachable = The server cannot be reached. Check your connection; Orbit keeps trying and reloads this page when it is back.
not-found-title = This page does not exist, or you may not see it.
state-loading = Loading…

## Actions
action-retry = Try again
action-save = Save
action-cancel = Cancel
action-create = Create
action-add = Add
action-remove = Remove
action-revoke = Revoke
action-accept = Accept
action-decline = Decline
action-edit = Edit
action-delete = Delete
action-close = Close
action-copy = Copy

## Errors
error-unreachable = The server cannot be reached. Check your connection and try again.
error-denied = You may not do this here. Ask an administrator of this organisation for the role it needs.
error-not-found = This does not exist (any more), or you are not a member of it.
error-too-many = Too many attempts: { $detail }. Wait a moment, then try again.
error-signed-out = Your session ended. Log in again.
error-exists = This exists already ({ $detail }). Choose another one.
error-conflict = Someone else changed this meanwhile. Reload and make your change again.
error-invalid = The server refused this: { $detail }. Correct it and try again.
error-other = Something went wrong: { $detail }. Try again; if it keeps happening, tell your administrator.

## Fields
field-email = E-mail address
field-password = Password
field-password-confirm = Repeat the password
field-current-password = Current password
field-new-password = New password
field-display-name = Your name
field-org-name = Name of the organisation
field-project-name = Name of the project
password-hint = At least 12 characters, and not a common password.
password-mismatch = The two passwords differ.

## Log-in and sign-up
login-title = Log in to Orbit
login-submit = Log in
login-no-account = No account yet?
login-link = Log in
signup-link = Create an account
signup-title = Create your account
signup-submit = Create account
signup-have-account = Have an account already?
signup-closed = This instance takes no new sign-ups. Ask its administrator for an account.
signup-invite-only = Only invited e-mail addresses can sign up here.

## First open
setup-title = Set up Orbit
setup-steps = Setup steps
setup-step-account = Administrator
setup-step-org = Organisation
setup-step-project = Project
setup-account-intro = The first account of a new instance administers it. Choose it carefully.
setup-org-intro = An organisation holds projects and the people working in them.
setup-project-intro = A project holds chat rooms, records, surveys and calls.
setup-next = Next
setup-finish = Finish

## Account
account-title = Your account
profile-heading = Profile
profile-saved = Saved.
password-heading = Change password
password-submit = Change password
password-changed = Your password is changed. Your other sessions were logged out.
sessions-heading = Sessions
sessions-intro = Log out on every device where you are logged in, this one included.
sessions-logout-everywhere = Log out everywhere

## Home, orgs and projects
home-title = Welcome, { $name }
home-no-org = You belong to no organisation yet. Create one, or accept an invitation.
home-projects = Projects of { $org }
projects-empty-admin = This organisation has no project yet. Create the first one.
projects-empty-user = You are in no project of this organisation yet. Ask an administrator to add you.
created-at = created { $when }
org-create = Create an organisation
project-create = Create a project
my-invitations = Your invitations
invitation-offer = { $inviter } invites you as { $role } in { $place }.
whole-org = Whole organisation

## Members
org-members-title = Members of { $org }
project-members-title = Members of { $project }
members-empty = This project has no members yet.
add-org-admin = Add an organisation administrator
add-member = Add a member
invited = An invitation went to { $email }. They become a member once they accept it.
member-added = { $email } is a member now.
invitations-heading = Open invitations
invitations-empty = No open invitations.
role-of = Role of { $name }
col-name = Name
col-email = E-mail
col-role = Role
col-where = Where
col-expires = Expires
col-actions = Actions
col-created = Created
col-when = When
col-kind = What
col-detail = Detail
col-address = Address
col-updated = Updated
role-0 = No role
role-1 = Anyone
role-2 = Signed in
role-3 = Project user
role-4 = Project administrator
role-5 = Organisation administrator
role-6 = System administrator

## API keys
keys-title = API keys
keys-empty = You have no API keys.
keys-create = New key for { $org }
keys-scope = Scope
keys-revoked = Revoked
keys-secret-once = Copy this secret now: it is shown only once.
keys-need-org = Join or create an organisation to make API keys.

## Audit
audit-title = Instance audit log
audit-org-title = Audit log of { $org }
audit-empty = No entries.
audit-verify = Verify the hash chain
audit-intact = { $entries ->
    [one] The log is intact (1 entry).
   *[other] The log is intact ({ $entries } entries).
}
audit-broken = The log was changed: { $problem }
pager = Pages
pager-prev = Previous
pager-next = Next
pager-page = Page { $page }

## Chat
chat-page-title = Chat of { $project }
chat-rooms = Rooms
chat-no-rooms = No rooms yet.
chat-create-first = Create the first room to start talking.
chat-new-room = New room
chat-room-name = Room name
chat-private = Private (members only)
chat-create-room = Create room
chat-messages = Messages
chat-empty-room = No messages yet. Say hello!
chat-older = Load older messages
chat-someone = Someone
chat-deleted = This message was deleted.
chat-edited = (edited)
chat-edit-label = Message text
chat-react = React
chat-react-with = React with { $emoji }
chat-reaction = { $emoji }: { $count }
chat-reply = Reply in thread
chat-replies-count = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
chat-replies = Replies
chat-reply-label = Reply…
chat-thread = Thread
chat-send = Send
chat-message-to = Message to { $room }
chat-typing = { $count ->
    [one] { $names } is typing…
   *[other] { $names } are typing…
}
chat-unread = { $count ->
    [one] 1 unread message
   *[other] { $count } unread messages
}
chat-mentions = { $count ->
    [one] 1 mention of you
   *[other] { $count } mentions of you
}

## Records
records-page-title = Records of { $project }
records-entity-title = Records: { $entity }
records-entities = Entity types
records-entity = Entity type
records-entity-rule = Lower-case letters, digits and _, starting with a letter.
records-open = Open
records-none = No records yet. Name an entity type to create the first one.
records-empty = No { $entity } records yet.
records-new = New record
records-edit = Edit record { $id }
records-id = Id
records-id-hint = Leave empty for a new id.
records-data = Content (a JSON object)
records-json-invalid = This is not a JSON object. Check the brackets, quotes and commas.

## Administration
admin-title = Administration
admin-instance = This instance
admin-instance-id = Instance id
admin-version = Version
admin-store = Store
admin-started = Running since
admin-signup = Sign-up
admin-modules = Modules
admin-health = Health
admin-relay = Federation relay
admin-relay-off = This instance runs without NATS: nothing is published.
admin-relay-connected = Connected to { $url }.
admin-relay-disconnected = Not connected to { $url }.
admin-module = Module
admin-position = Position
admin-head = Head
admin-lag = Waiting
admin-keys = Encryption keys
admin-database = Database
admin-key-version = Key version
admin-pending = Records to re-encrypt
signup-mode-0 = Unknown
signup-mode-1 = Open to anyone
signup-mode-2 = By invitation
signup-mode-3 = Closed
module-state-0 = Unknown
module-state-1 = Running
module-state-2 = Failed
module-state-3 = Stopping

## Surveys
surveys-title = Surveys
surveys-new = New survey
surveys-empty = No surveys in this project yet.
survey-field-title = Title
survey-description = Description
survey-visibility = Who sees the results
survey-visibility-1 = Everyone, live
survey-visibility-2 = Each person after answering
survey-visibility-3 = Everyone after the survey closes
survey-anonymous = Anonymous
survey-question-n = Question { $n }
survey-question-title = Question
survey-question-kind = Kind of answer
survey-kind-single = One choice
survey-kind-multiple = Several choices
survey-kind-rating = Rating from 1 to 5
survey-kind-number = A number
survey-kind-text = Free text
survey-kind-pledge = Pledge
survey-choices = Choices, one a line
survey-unit = Unit
survey-min-people = People needed (0: any)
survey-optional = Optional
survey-optional-label = { $title } (optional)
survey-remove-question = Remove this question
survey-add-question = Add a question
survey-create-open = Create and open
survey-create-draft = Save as draft
survey-state-0 = Unknown
survey-state-1 = Draft
survey-state-2 = Open
survey-state-3 = Closed
survey-closes = closes { $when }
survey-open = Open the survey
survey-close = Close the survey
survey-export = Export responses (CSV)
survey-draft-note = This survey is a draft: nobody can answer it until it is opened.
survey-closed-note = This survey is closed.
survey-answer = Your answer
survey-submit = Send my answer
survey-update = Change my answer
survey-withdraw = Withdraw my answer
survey-saved = Your answer is saved.
survey-pledge-label = { $title } ({ $unit } you commit)
survey-results = Results
survey-results-hidden-0 = The results are not visible to you yet.
survey-results-hidden-1 = The results are not visible to you yet.
survey-results-hidden-2 = You see the results once you have answered.
survey-results-hidden-3 = The results are shown when the survey closes.
survey-responses = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
survey-mean = Average: { $mean }
survey-number-stats = Sum { $sum } { $unit }, average { $mean }, from { $min } to { $max }.
survey-pledged = { $people ->
    [one] { $units } { $unit } pledged by 1 person.
   *[other] { $units } { $unit } pledged by { $people } people.
}
survey-threshold-reached = The threshold is reached.
survey-threshold-not-reached = The threshold is not reached yet.
survey-text-answers = { $count ->
    [one] 1 written answer (in the export).
   *[other] { $count } written answers (in the export).
}

## Views
nav-views = Views
views-title = Views
views-new = New view
views-empty = No views yet. A view counts and sums records by a field, kept up to date as records change.
views-group-by = Grouped by
views-rows = Rows
views-stalled = Stopped: { $reason }
views-catching-up = Catching up
views-current = Up to date
views-field-hint = A field of the records’ content; use dots for nested fields (address.city).
views-column-n = Column { $n }
views-function = Function
views-field = Field
views-fn-1 = Count
views-fn-2 = Sum
views-fn-3 = Minimum
views-fn-4 = Maximum
views-fn-5 = Latest value
views-add-column = Add a column
views-view-title = View: { $name }
views-describe = Records of type { $entity }, grouped by { $field }.
views-rebuild = Rebuild
views-drop = Delete view
views-no-rows = No rows yet: the view has no matching records.
views-null = (none)

## Calls
calls-title = Calls
calls-empty = No calls going on. Start one below.
calls-new = New call
calls-call-title = Title of the call
calls-start = Start a call
calls-participants-label = People in the call
calls-in-call = { $count ->
    [0] Nobody is in this call yet.
    [one] 1 person is in this call.
   *[other] { $count } people are in this call.
}
calls-mic = Microphone on
calls-camera = Camera on
calls-join = Join the call
calls-end = End the call for everyone
calls-closed = This call has ended.
calls-disconnected = You were disconnected from the call. Join again to go on.
calls-no-media = No camera or microphone could be used: you take part without them. Check the browser’s permissions to use them.
calls-controls = Call controls
calls-mute = Mute
calls-unmute = Unmute
calls-camera-off = Turn camera off
calls-camera-on = Turn camera on
calls-share = Share screen
calls-stop-share = Stop sharing
calls-raise-hand = Raise hand
calls-lower-hand = Lower hand
calls-leave = Leave
calls-you = You
calls-muted = (muted)
calls-alone = You are alone in this call. Others see it in the project’s calls.
calls-all = All calls
calls-peer-new = connecting…
calls-peer-connecting = connecting…
calls-peer-connected = connected
calls-peer-disconnected = connection lost, retrying…
calls-peer-failed = no connection (a TURN server may be needed)
calls-peer-closed = left

## Settings, accounts, password reset, e-mail verification
nav-org-settings = Organisation settings
nav-project-settings = Project settings
nav-accounts = Accounts
settings-org-title = Settings of { $org }
settings-project-title = Settings of { $project }
settings-archive = Archive
settings-restore = Restore
settings-archive-org-intro = An archived organisation and its projects become read-only and leave the lists. You can restore it.
settings-archive-project-intro = An archived project becomes read-only and leaves the lists. You can restore it.
settings-federation = Federation
settings-federated-on = This project’s changes are published to federated instances.
settings-federated-off = This project is not federated.
settings-federate-start = Start federating
settings-federate-stop = Stop federating
accounts-title = Accounts of this instance
accounts-issue-reset = Issue a password reset
accounts-reset-issued = A one-time reset token for { $email }, valid until { $expires }:
accounts-reset-how = Hand it over in person or through a trusted channel: it lets whoever holds it set a new password at /reset. It is shown only now.
login-forgot = Forgot your password?
reset-link = Set a new one with a reset token
reset-title = Set a new password
reset-intro = An administrator gives you a one-time reset token. Your stored private data starts empty again, because it was locked with the old password.
reset-submit = Set password
reset-done = Your password is set.
field-reset-token = Reset token
field-verify-token = Token from the e-mail
verify-heading = Confirm your e-mail address
verify-intro = We sent a one-time token to your address. Enter it here.
verify-submit = Confirm
verify-resend = Send a new token
verify-sent = A new token is on its way.

## Chat rooms: direct messages and settings
chat-direct = Direct message
chat-direct-with = Direct message with
chat-choose-person = Choose a person…
chat-direct-open = Open
chat-room-settings = Room settings
chat-topic = Topic
chat-room-members = Members of this room
chat-leave-room = Leave the room
chat-add-to-room = Add to this room
chat-archive-room = Archive the room
chat-archived = (archived)
chat-archived-note = This room is archived: it can be read, not written to.

## Page titles that modules declare (ModuleService.ListModules: ModulePage.title_id)
chat-title = Chat
records-title = Records
survey-title = Surveys
video-title = Calls

login-new-instance = A new instance without any account yet?

survey-condition = Ask only if
survey-condition-none = Always ask
survey-condition-on = the answer to question { $n } ({ $title }) is…
survey-condition-choices = …one of these

## Card pages (module manifests: ModulePage.card) and routes of modules this instance lacks
rooms-title = Rooms
rooms-intro = The rooms of this project that you may see. Open one to read and write in it.
rooms-empty = No rooms yet. Create the first one in the chat.
rooms-public = Public
rooms-private = Private (members only)
rooms-unread = Unread messages:
calls-call-title-required = Give the call a title.
module-missing-title = Not available on this instance
module-missing = This instance has no module for this page. Ask its administrator, or go back home.

## Federation (org-admins): sharing projects with other Orbit instances
nav-org-federation = Federation
federation-title = Federation of { $org }
federation-intro = Share a project of this organisation with another Orbit instance, or follow one that another instance shares with you. A followed project gets its changes from its owner only.
federation-identity = This instance
federation-identity-intro = Other instances know this instance by its DID. Give it to an instance that wants to invite only this one.
federation-copy-did = Copy the DID
federation-copied = Copied.
federation-copy-yourself = The browser did not allow copying: the text is selected, copy it yourself.
federation-share = Share a project
federation-share-intro = Creates an invitation token for the other instance’s organisation administrator.
federation-share-none = This organisation has no project of its own to share (followed projects belong to their owner).
federation-project = Project
federation-modules = What to share
federation-for-did = Only for the instance with this DID (optional)
federation-for-did-hint = Leave empty: whoever holds the token may accept it, once.
federation-share-submit = Create the invitation
federation-token = Invitation token for { $project }
federation-token-note = Hand it over through a trusted channel. It works once, until { $expires }, and is shown only now.
federation-copy-token = Copy the token
federation-accept = Accept an invitation
federation-accept-intro = Paste a token from another instance: its project is followed in this organisation.
federation-accept-token = Invitation token
federation-accept-submit = Accept the invitation
federation-accepted = This organisation now follows { $project } from { $did }.
federation-open-project = Open { $project }
federation-off = Federation is off on this instance. An instance administrator turns it on by setting \`nats\` (a NATS server with JetStream; or --nats, ORBIT_NATS) and \`federation_domain\` (its JetStream domain; or ORBIT_FEDERATION_DOMAIN), then restarts Orbit.
federation-accept-expired = This invitation expired on { $when }. Ask the other instance for a new one.
federation-accept-used = This invitation was already used. Ask the other instance for a new one.
federation-accept-not-for-us = This invitation is meant for another instance ({ $did }), not this one. Give the other side this instance’s DID and ask for a new one.
federation-accept-malformed = This is not a valid invitation token ({ $detail }). Copy the whole token again.
federation-refused = The server refused this: { $detail }
federation-links = Links
federation-links-empty = No links yet. Share a project, or accept an invitation.
federation-col-project = Project
federation-col-role = Role
federation-col-peer = Other instance
federation-col-state = State
federation-col-contact = Last contact
federation-col-lag = Waiting events
federation-col-events = Events
federation-events-in = { $count } received
federation-events-out = { $count } taken by the other instance
federation-col-link = Link
federation-col-reason = Reason
federation-col-subject = Subject
federation-role-owner = Shares
federation-role-member = Follows
federation-peer-unknown = not accepted yet
federation-state-active = Active
federation-state-suspended = Suspended
federation-state-suspended-peer = Suspended by the other instance
federation-state-removed = Removed
federation-state-waiting = Waiting for acceptance
federation-unreachable = Unreachable
federation-error = Error
federation-never = never
federation-suspend = Suspend
federation-resume = Resume
federation-remove-confirm = Remove the link of { $project } on both sides?
federation-remove-yes = Yes, remove
federation-dead = Refused events
federation-dead-intro = Events another instance sent that were not applied, newest first.
federation-dead-empty = No refused events.
federation-dead-from = claimed to come from { $did }
federation-shared-from = shared from { $did }
federation-followed-read-only = changes come from that instance; yours are made there too.

## User modules (org-admins): record types defined by an uploaded .proto schema
nav-org-modules = User modules
umod-title = User modules of { $org }
umod-intro = A user module adds record types to the projects of this organisation. You define them in a .proto schema; once saved, each type has its pages and its API at once, without a new Orbit build.
umod-empty = No user modules yet.
umod-create = New user module
umod-create-button = Create module
umod-name-hint = A lower-case letter, then lower-case letters, digits and _ (at most 32).
umod-description = Description
umod-col-package = Package
umod-col-version = Version
umod-col-state = State
umod-col-type = Record type
umod-col-pages = Pages
umod-enabled = Enabled
umod-disabled = Disabled
umod-enable = Enable
umod-disable = Disable
umod-disabled-note = This module is disabled: its pages and its API are off, its records are kept.
umod-no-schema = No schema yet
umod-back = All user modules
umod-package = Its schema declares the package { $name }.
umod-version = Version { $n }
umod-schema = Schema
umod-file = File
umod-editor-label = Schema source (.proto)
umod-checking = Checking…
umod-check-ok = The schema compiles.
umod-problems = Problems
umod-breaking = Would break the current version
umod-changes = Changes
umod-save = Save schema
umod-saved = Saved: version { $n } is live.
umod-save-failed-compile = The schema does not compile:
umod-save-failed-breaking = The schema would break the current version:
umod-history = Versions
umod-history-empty = No schema uploaded yet.
umod-version-line = Version { $n }, { $when }
umod-no-changes = No changes listed.
umod-pages = Pages
umod-pages-intro = Each record type has a list, a form and a detail page, drawn from Adaptive Card templates. Design your own here, or go back to the generated one.
umod-edit-list = Design the list
umod-edit-form = Design the form
umod-edit-detail = Design the detail page
umod-page-list = list
umod-page-form = form
umod-page-detail = detail page
umod-page-custom = your own
umod-page-save = Save page
umod-page-saved = Page saved.
umod-page-reset = Back to the generated page
umod-page-reset-done = The generated page is back.
umod-delete = Delete module
umod-delete-intro = Deleting { $name } erases all its records in every project of this organisation. Type its name to confirm.
umod-delete-confirm = Name of the module

# Generated pages of user-module record types (card templates).
ucard-new = New record
ucard-empty = No records yet.
ucard-back = Back to the list
`;export{e as default};