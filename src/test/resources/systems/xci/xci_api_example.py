#!/usr/bin/env python3
# -*- coding: utf-8 -*-

from urllib.parse import urlencode
from urllib.request import Request, urlopen
import json, sys

class XCIApiExample:
    base_url = None
    cookie = None

    def __init__(self, base_url, login, password):
        self.base_url = base_url
        self.make_login(login, password)

    def make_login(self, login, password):
        data = {"login": login, "password": password}
        response = self.make_post_request("/login", data)
        self.cookie = response.info()["Set-Cookie"]

    def get_entities(self):
        response = self.make_get_request("/entities")
        return self.handle_json_response(response)

    def get_available_numbers(self, entity):
        response = self.make_get_request("/entities/" + entity["combinedId"] + "/available_numbers")
        return self.handle_json_response(response)

    def create_line_template(self, data):
        self.make_post_request("/templates", data)

    def get_line_templates(self):
        response = self.make_get_request("/templates")
        return self.handle_json_response(response)

    def create_user(self, data):
        self.make_post_request("/users", data)

    def make_get_request(self, method):
        request = Request(self.base_url + method, headers = {"Cookie": self.cookie})
        response = urlopen(request)
        return response

    def make_post_request(self, method, data):
        header = {"Content-Type": "application/json", "Cookie": self.cookie if self.cookie else ""}
        request = Request(self.base_url + method, json.dumps(data).encode(), header)
        response = urlopen(request)
        return response

    def handle_json_response(self, response):
        return json.loads(response.read().decode())

# Initialize API
api_example = XCIApiExample(sys.argv[1], sys.argv[2], sys.argv[3])

# Get an entity and its XiVO
entities = api_example.get_entities()["items"]
if (len(entities) == 0):
    sys.exit("There isn't any XiVO configured yet or they don't have any entity !")
else:
    entity = entities[1]
    xivo = entity["xivo"]
    print("Selected entity \"%s\" in XiVO \"%s\""%(entity["name"], xivo["name"]))

# Create a line template
template_data = {
    "name": "My line template",
    "xivos": [xivo["id"]],
    "entities": [entity["combinedId"]],
    "peerSipName": "auto",
    "ringingTime": 30,
    "routedInbound": False,
    "callerIdMode": "anonymous",
    "voiceMailEnabled": False
}
api_example.create_line_template(template_data)
line_template = api_example.get_line_templates()[0]
print("New line template created")

# Create a user
user_data = {
    "entityCId": entity["combinedId"],
    "templateId": line_template["id"],
    "firstName": "Alice",
    "lastName": "In Wonderland",
    "internalNumber": api_example.get_available_numbers(entity)["items"][0]
}
api_example.create_user(user_data)
print("New user created")
