"""URLs of the functions register and the impact assessments. The register's pages (with the dashboards) live in
``urls_register``; the assessment pages (steps, sign-off, versions, publication) in ``urls_assessments``."""

from dueregard.assessments import urls_assessments, urls_register

app_name = "assessments"

urlpatterns = [*urls_register.urlpatterns, *urls_assessments.urlpatterns]
