from django.urls import path

from .views import accounts, audit, divisions, household_form, imports, registry, second_factor, users

app_name = "core"

urlpatterns = [
    path("registry/households/", registry.household_list, name="household_list"),
    path("registry/households/new/", household_form.household_create, name="household_create"),
    path("registry/households/<int:pk>/", registry.household_detail, name="household_detail"),
    path("registry/households/<int:pk>/move/", registry.move_household, name="household_move"),
    path("registry/households/<int:pk>/split/", registry.split_household, name="household_split"),
    path("registry/persons/", registry.person_list, name="person_list"),
    path("registry/persons/<int:pk>/", registry.person_detail, name="person_detail"),
    path("registry/persons/<int:pk>/id-number/", registry.reveal_id_number, name="person_reveal_id"),
    path("registry/persons/<int:pk>/death/", registry.record_death, name="person_death"),
    path("registry/import/", imports.import_roster, name="import_roster"),
    path("registry/import/template.xlsx", imports.roster_template, name="roster_template"),
    path("registry/import/<int:pk>/errors.xlsx", imports.import_errors, name="import_errors"),
    path("audit/", audit.audit_list, name="audit_list"),
    path("account/password/", accounts.change_password, name="change_password"),
    path("account/second-factor/", second_factor.setup, name="second_factor"),
    path("login/second-factor/", second_factor.verify_at_login, name="second_factor_login"),
    path("system/users/", users.user_list, name="user_list"),
    path("system/users/new/", users.user_create, name="user_create"),
    path("system/users/<int:pk>/", users.user_edit, name="user_edit"),
    path("system/users/<int:pk>/reset-password/", users.user_reset_password, name="user_reset_password"),
    path("system/users/<int:pk>/unlock/", users.user_unlock, name="user_unlock"),
    path(
        "system/users/<int:pk>/reset-second-factor/",
        users.user_reset_second_factor,
        name="user_reset_second_factor",
    ),
    path("divisions/children/", divisions.division_children, name="division_children"),
]
