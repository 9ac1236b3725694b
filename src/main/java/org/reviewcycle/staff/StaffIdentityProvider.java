package org.reviewcycle.staff;

import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The engine's view of our staff: a read-only identity provider session, opened per engine command.
 * Users, groups and tenants (one per school) are managed in ReviewCycle, so Camunda Admin shows them read-only.
 * Reads go through {@link StaffMapper}, inside the engine command's Spring transaction.
 */
class StaffIdentityProvider implements ReadOnlyIdentityProvider {

    private final StaffMapper staff;
    private final AuthenticationProvider logins;

    StaffIdentityProvider(StaffMapper staff, AuthenticationProvider logins) {
        this.staff = staff;
        this.logins = logins;
    }

    static StaffIdentityProvider of(CommandContext commandContext) {
        return (StaffIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }

    @Override
    public User findUserById(String userId) {
        return staff.selectDirectoryUsers(DirectoryQueries.user(userId)).stream()
                .findFirst().map(StaffIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new StaffUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new StaffUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new IdentityProviderException("Native user queries are not supported: staff are not stored in ACT_ID_USER");
    }

    /**
     * Checks through the login's own authentication provider, so that {@code /engine-rest/identity/verify}
     * is throttled like every other login. A refusal for too many failed attempts (a {@link LockedException})
     * is not a wrong password: it goes up to the caller, which answers 429.
     */
    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        try {
            return logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(userId, password))
                    .isAuthenticated();
        } catch (BadCredentialsException | DisabledException e) {
            return false;
        }
    }

    @Override
    public Group findGroupById(String groupId) {
        return staff.selectDirectoryGroups(DirectoryQueries.group(groupId)).stream()
                .findFirst().map(StaffIdentityProvider::toGroup).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new StaffGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new StaffGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return staff.selectDirectoryTenants(DirectoryQueries.tenant(tenantId)).stream()
                .findFirst().map(StaffIdentityProvider::toTenant).orElse(null);
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new StaffTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new StaffTenantQuery();
    }

    long countUsers(StaffUserQuery query) {
        return staff.countDirectoryUsers(DirectoryQueries.users(query).seenBy(viewer()));
    }

    List<User> findUsers(StaffUserQuery query) {
        return staff.selectDirectoryUsers(DirectoryQueries.users(query).seenBy(viewer())).stream()
                .map(StaffIdentityProvider::toUser).toList();
    }

    long countGroups(StaffGroupQuery query) {
        return staff.countDirectoryGroups(DirectoryQueries.groups(query).seenBy(viewer()));
    }

    List<Group> findGroups(StaffGroupQuery query) {
        return staff.selectDirectoryGroups(DirectoryQueries.groups(query).seenBy(viewer())).stream()
                .map(StaffIdentityProvider::toGroup).toList();
    }

    long countTenants(StaffTenantQuery query) {
        return staff.countDirectoryTenants(DirectoryQueries.tenants(query).seenBy(viewer()));
    }

    List<Tenant> findTenants(StaffTenantQuery query) {
        return staff.selectDirectoryTenants(DirectoryQueries.tenants(query).seenBy(viewer())).stream()
                .map(StaffIdentityProvider::toTenant).toList();
    }

    /**
     * Who may see only their own school: the person the engine works for, unless they are a trust
     * admin. Staff, heads and school admins list their colleagues (Tasklist's names, candidate
     * groups, Cockpit), their school and its groups, never those of other schools. The engine's own
     * lookups (logins, a person's groups and tenants) run for nobody and see everyone.
     */
    private static String viewer() {
        CommandContext context = Context.getCommandContext();
        String userId = context == null ? null : context.getAuthenticatedUserId();
        if (userId == null) {
            return null;
        }
        List<String> groups = context.getAuthenticatedGroupIds();
        return groups != null && groups.contains(EngineGroups.TRUST_ADMINS) ? null : userId;
    }

    @Override
    public void flush() {
        // read-only: nothing to write
    }

    @Override
    public void close() {
        // the mapper's session belongs to the Spring transaction, which closes it
    }

    private static User toUser(DirectoryUser user) {
        var entity = new UserEntity(user.id());
        entity.setFirstName(user.firstName());
        entity.setLastName(user.lastName());
        entity.setEmail(user.email());
        return entity;
    }

    private static Tenant toTenant(DirectoryTenant tenant) {
        var entity = new TenantEntity(tenant.id());
        entity.setName(tenant.name());
        return entity;
    }

    private static Group toGroup(DirectoryGroup group) {
        var entity = new GroupEntity(group.id());
        entity.setName(group.name());
        entity.setType(group.type());
        return entity;
    }
}
