"""Public-sector basics: publiccode.yml valid per the standard (core 0.4), the dependency list
with licences in step with requirements.txt, and the accessibility statement true to the tests."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent

# Controlled vocabularies of the publiccode.yml standard (docs/standard/*-list.rst, schema.core.rst).
CATEGORIES = set("""accounting agile-project-management applicant-tracking application-development
appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
business-process-management cad call-center-management cloud-management collaboration
communications compliance-management contact-management content-management crm
customer-service-and-support data-analytics data-collection data-visualization design
design-system digital-asset-management digital-citizenship document-management donor-management
e-commerce e-signature educational-content email-management email-marketing employee-management
enterprise-project-management enterprise-social-networking erp event-management
facility-management feedback-and-reviews-management financial-reporting fleet-management
fundraising gamification geographic-information-systems grant-management graphic-design help-desk
hr ide identity-management instant-messaging inventory-management it-asset-management
it-development it-management it-security it-service-management knowledge-management
learning-management-system marketing mind-mapping mobile-marketing mobile-payment
network-management office online-booking online-community payment-gateway payroll
predictive-analysis procurement productivity-suite project-collaboration project-management
property-management real-estate-management remote-support resource-management sales-management
seo service-desk social-media-management survey talent-management task-management
taxes-management test-management time-management time-tracking translation video-conferencing
video-editing visitor-management voip warehouse-management web-collaboration web-conferencing
website-builder whistleblowing workflow-management""".split())
SCOPES = set("""agriculture culture defence education emergency-services employment energy
environment finance-and-economic-development foreign-affairs healthcare infrastructures justice
local-authorities manufacturing research science-and-technology security society sport tourism
transportation welfare""".split())
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"}
MAINTENANCE = {"internal", "contract", "community", "none"}


@pytest.fixture(scope="module")
def publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_publiccode_has_every_mandatory_key_with_an_allowed_value(publiccode):
    for key in ("publiccodeYmlVersion", "name", "url", "platforms", "categories",
                "developmentStatus", "softwareType", "description", "legal", "maintenance",
                "localisation"):
        assert key in publiccode, f"publiccode.yml lacks mandatory key {key}"
    assert re.fullmatch(r"0\.\d+(\.\d+)?", publiccode["publiccodeYmlVersion"])
    assert re.fullmatch(r"https://\S+", publiccode["url"])
    assert publiccode["platforms"] == ["web"]
    assert publiccode["categories"] and set(publiccode["categories"]) <= CATEGORIES
    assert set(publiccode["intendedAudience"]["scope"]) <= SCOPES
    assert publiccode["intendedAudience"]["countries"] == ["NL"]
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUS
    assert publiccode["softwareType"] in SOFTWARE_TYPES
    maintenance = publiccode["maintenance"]
    assert maintenance["type"] in MAINTENANCE
    if maintenance["type"] in ("internal", "community"):
        assert all(c.get("name") for c in maintenance["contacts"])
    if maintenance["type"] == "contract":
        assert all(c.get("name") and c.get("until") for c in maintenance["contractors"])
    localisation = publiccode["localisation"]
    assert isinstance(localisation["localisationReady"], bool)
    assert localisation["availableLanguages"] == ["nl"]
    dt.date.fromisoformat(publiccode["releaseDate"])  # YYYY-MM-DD, the only format allowed


def test_publiccode_describes_the_app_in_dutch_within_the_standards_lengths(publiccode):
    dutch = publiccode["description"]["nl"]
    assert len(dutch["shortDescription"]) <= 150 and "\n" not in dutch["shortDescription"].strip()
    assert 150 <= len(dutch["longDescription"]) <= 10_000
    assert 5 <= len(dutch["features"]) <= 20
    assert "handreiking" in dutch["longDescription"] and "gemeente" in dutch["longDescription"]


def test_publiccode_licence_and_version_are_the_projects(publiccode, project):
    assert publiccode["legal"]["license"] == project["license"] == "EUPL-1.2"
    assert publiccode["softwareVersion"] == project["version"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


def test_dependency_list_with_licences_matches_requirements():
    """docs/AFHANKELIJKHEDEN.md is made from the lock (licences from the installed packages'
    metadata); a new or updated runtime dependency without a regenerated list fails here
    (fix: make lock)."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "licences.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    listed = (ROOT / "docs" / "AFHANKELIJKHEDEN.md").read_text(encoding="utf-8")
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            req = Requirement(line)
            version = str(req.specifier).removeprefix("==")
            assert re.search(rf"\| {re.escape(req.name)} \| {re.escape(version)} \| [^|]*\w[^|]* \| requirements.txt[^|]* \|",
                             listed, re.IGNORECASE), f"{line} is not in the list with a licence"


def test_accessibility_statement_says_what_the_tests_do():
    statement = (ROOT / "docs" / "TOEGANKELIJKHEID.md").read_text(encoding="utf-8")
    assert "WCAG 2.1" in statement and "axe" in statement
    # The statement says there are no exceptions to the axe check: keep it true.
    baseline = yaml.safe_load((ROOT / "tests" / "browser" / "axe_baseline.yaml").read_text(encoding="utf-8"))
    assert baseline == [], "axe_baseline.yaml has exceptions now: name them in docs/TOEGANKELIJKHEID.md"
    assert "Axe().run" in (ROOT / "tests" / "browser" / "test_wizard_browser.py").read_text(encoding="utf-8")


def test_security_policy_says_how_to_report_without_a_public_issue():
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "**Niet** via een openbaar issue" in policy
    assert "5 werkdagen" in policy
