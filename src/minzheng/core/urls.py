from django.urls import path

from .views import audit, divisions, household_form, imports, registry

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
    path("divisions/children/", divisions.division_children, name="division_children"),
]
